package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule for region fields: the province's own codes strictly, other provinces' through the national list. */
class RegionCodesTest {

    private final RegionCodes regionCodes = new RegionCodes(Regions.standard(), "63");

    @ParameterizedTest(name = "''{0}'' → {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // the province's own codes: its division lists of 2023 and 2017, townships included
            "630102|               630102|   -",
            "630102001|            630102001|-",
            "630122|               630122|   -",
            "630000|               630000|   -",
            "630199|               -|        CODE_UNKNOWN",
            "630102999|            -|        CODE_UNKNOWN",
            "632121|               -|        CODE_UNKNOWN",
            // another province's county, prefecture and province codes that the national list holds
            "410102|               410102|   -",
            "620100|               620100|   -",
            "620000|               620000|   -",
            // a township of another province: checked through its county only
            "620102001|            620102001|-",
            "441900003|            441900003|-",
            // a county of a province that exists, unknown to the list of 2023 (下城区, merged into 拱墅区 in 2021)
            "330103|               330103|   REGION_UNVERIFIED",
            "330103001|            330103001|REGION_UNVERIFIED",
            "410000001|            410000001|REGION_UNVERIFIED",
            // a province that does not exist
            "990000|               -|        CODE_UNKNOWN",
            "999999001|            -|        CODE_UNKNOWN",
            "710000|               -|        CODE_UNKNOWN",
            // not a code at all
            "63010|                -|        CODE_UNKNOWN",
            "6301020|              -|        CODE_UNKNOWN",
            "630102001001|         -|        CODE_UNKNOWN",
            "63010a|               -|        CODE_UNKNOWN",
            "６３０１０２|          -|        CODE_UNKNOWN",
            "''|                   -|        FIELD_MISSING"})
    void checksACodeOfTheProvinceStrictlyAndAnotherProvincesThroughTheNationalList(
            String raw, String value, ErrorCode code) {
        Check<String> check = regionCodes.check(raw);

        assertThat(check.value()).isEqualTo(value);
        assertThat(check.code()).isEqualTo(code);
        assertThat(check.ok()).isEqualTo(value != null);
    }

    @Test
    void keepsAnUnverifiedCountyWithAWarningThatNamesCountyAndProvince() {
        Check<String> check = regionCodes.check("330103001");

        assertThat(check.ok()).isTrue();
        assertThat(check.error()).isNull();
        assertThat(check.warning()).isEqualTo(ErrorCode.REGION_UNVERIFIED);
        assertThat(check.message()).contains("county 330103").contains("330000 浙江省");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"630102|630102", " 630102001 |630102001", "\u3000410102|410102"})
    void ignoresBlanksAroundACode(String raw, String code) {
        assertThat(regionCodes.check(raw)).isEqualTo(Check.ok(code));
    }

    @Test
    void namesTheValueAndTheTableInARejection() {
        assertThat(regionCodes.check("630199").message())
                .isEqualTo("'630199' is not a code of table region (divisions of 2017 and 2023)");
        assertThat(regionCodes.check("990101").message()).contains("'990101'").contains("no province 990000");
        assertThat(regionCodes.check(null).error()).isEqualTo(ErrorCode.FIELD_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"62", "11", "6", "630", "ab"})
    void refusesAProvincePrefixThatIsNotTheProvinceOfTheDivisionLists(String prefix) {
        assertThatThrownBy(() -> new RegionCodes(Regions.standard(), prefix))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + prefix + "'");
    }
}
