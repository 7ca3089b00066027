package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "阿卜杜拉·买买提",
            "阿卜杜拉\u2022买买提",
            "阿卜杜拉．买买提",
            "阿卜杜拉.买买提",
            "阿卜杜拉・买买提",
            "阿卜杜拉‧买买提",
            "阿卜杜拉\u2219买买提",
            "阿卜杜拉\u22C5买买提",
            "阿卜杜拉\uFF65买买提",
            "阿卜杜拉\u0387买买提",
            "阿卜杜拉 · 买买提",
            "阿卜杜拉\u3000．\u3000买买提",
            "  阿卜杜拉··买买提 ",
            "阿卜杜拉 .・ 买买提"})
    void writesEveryMinorityNameSeparatorAsTheMiddleDotWithoutSpaces(String raw) {
        NormalisedName name = Names.normalise(raw);

        assertThat(name.normalised()).isEqualTo("阿卜杜拉·买买提");
        assertThat(name.original()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ＺＨＡＮＧ　Ｓａｎ|ZHANG San",
            "张三Ａ|张三A",
            "ｊｏｈｎ　ｓｍｉｔｈ|john smith",
            "李（小）明|李(小)明",
            "王１２|王12"})
    void turnsFullWidthAsciiIntoHalfWidth(String raw, String normalised) {
        assertThat(Names.normalise(raw).normalised()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "  张三  |张三",
            "\u3000张三\u3000|张三",
            "张\t三|张 三",
            "JOHN   \u3000 SMITH|JOHN SMITH",
            "\u00A0张三\u00A0|张三",
            "张三|张三"})
    void trimsAndCollapsesWhiteSpaceOfEveryKind(String raw, String normalised) {
        assertThat(Names.normalise(raw).normalised()).isEqualTo(normalised);
    }

    @Test
    void composesDecomposedCharactersToNfc() {
        assertThat(Names.normalise("Jose\u0301").normalised()).isEqualTo("José");
        assertThat(Names.normalise("ｅ\u0301").normalised()).isEqualTo("é");
        assertThat(Names.normalise(" Jose\u0301 . MARIA ").normalised()).isEqualTo("José·MARIA");
    }

    @Test
    void keepsRareCharactersOutsideTheBasicPlane() {
        String withRareCharacter = "王\uD840\uDC0B";

        assertThat(Names.normalise(withRareCharacter).normalised()).isEqualTo(withRareCharacter);
        assertThat(Names.normalise(" 王\uD840\uDC0B ").normalised()).isEqualTo(withRareCharacter);
    }

    @Test
    void returnsTheSameInstanceForANameAlreadyInNormalForm() {
        String name = "欧阳·娜娜";

        assertThat(Names.normalise(name).normalised()).isSameAs(name);
    }

    @Test
    void neverMakesTwoDifferentNamesEqual() {
        assertThat(Names.normalise("张三").normalised()).isNotEqualTo(Names.normalise("张 三").normalised());
        assertThat(Names.normalise("zhang").normalised()).isNotEqualTo(Names.normalise("ZHANG").normalised());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000"})
    void givesAnEmptyNameForABlankOne(String raw) {
        assertThat(Names.normalise(raw)).isEqualTo(new NormalisedName("", raw));
        assertThat(Names.normalise(null)).isEqualTo(new NormalisedName("", null));
    }
}
