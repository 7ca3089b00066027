package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SexesTest {

    private static final IdentityNumbers NUMBERS =
            new IdentityNumbers(Clock.fixed(Instant.parse("2017-10-15T00:00:00Z"), ZoneOffset.UTC));
    private static final IdNumberCheck MALE = NUMBERS.check("34052419800101001X");
    private static final IdNumberCheck FEMALE = NUMBERS.check("420111198203251029");
    private static final IdNumberCheck INVALID = NUMBERS.check("420111198203251020");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1", "2|2", "0|0", "9|9",
            "M|1", "F|2", "U|0", "m|1", "f|2", "u|0",
            "男|1", "女|2", "男性|1", "女性|2",
            " 女 |2", "\u3000M\u3000|1"})
    void mapsEveryFormTheSourcesUseToTheNationalCode(String raw, String code) {
        assertThat(Sexes.fromAnyForm(raw)).isEqualTo(Check.ok(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "MALE", "X", "男女", "01", "Ｍ"})
    void rejectsAnyOtherValueAsCodeUnknown(String raw) {
        Check<String> check = Sexes.fromAnyForm(raw);

        assertThat(check.error()).isEqualTo(ErrorCode.CODE_UNKNOWN);
        assertThat(check.message()).contains(raw).contains("sex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void reportsAnEmptySexAsMissing(String raw) {
        assertThat(Sexes.fromAnyForm(raw).error()).isEqualTo(ErrorCode.FIELD_MISSING);
        assertThat(Sexes.fromAnyForm(null).error()).isEqualTo(ErrorCode.FIELD_MISSING);
    }

    @ParameterizedTest
    @CsvSource({"1, false, true", "2, true, false"})
    void maleOrFemaleContradictsANumberOfTheOtherSex(String sexCode, boolean contradictsMale, boolean contradictsFemale) {
        assertThat(Sexes.contradicts(sexCode, MALE)).isEqualTo(contradictsMale);
        assertThat(Sexes.contradicts(sexCode, FEMALE)).isEqualTo(contradictsFemale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "M", ""})
    void unknownOrNotStatedSexContradictsNothing(String sexCode) {
        assertThat(Sexes.contradicts(sexCode, MALE)).isFalse();
        assertThat(Sexes.contradicts(sexCode, FEMALE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void anInvalidOrAbsentNumberContradictsNothing(String sexCode) {
        assertThat(INVALID.ok()).isFalse();
        assertThat(Sexes.contradicts(sexCode, INVALID)).isFalse();
        assertThat(Sexes.contradicts(sexCode, null)).isFalse();
        assertThat(Sexes.contradicts(null, MALE)).isFalse();
    }
}
