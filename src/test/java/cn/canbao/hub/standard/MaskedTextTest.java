package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskedTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a number in a row       | COPY line 2: \"CARD\t630102198001011230\tx\" | COPY line 2: \"CARD\t630102********1230\tx\"",
            "with check character X  | Key (id_number)=(63010219800101123X)       | Key (id_number)=(630102********123X)",
            "a longer run of digits  | seq 12345678901234567890                   | seq 12345678901234567890",
            "no number               | the registry refuses this person           | the registry refuses this person"})
    void masksTheBirthDateOfEveryIdentityNumber(String what, String text, String masked) {
        assertThat(MaskedText.of(text)).isEqualTo(masked);
    }
}
