package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeTablesTest {

    private final CodeTables tables = CodeTables.standard();

    @Test
    void offersEveryTableOfTheSpecificationByName() {
        assertThat(tables.names()).containsExactly("sex", "ethnicity", "scheme", "pensionScheme", "medicalScheme",
                "contributionStatus", "personStatus",
                "populationCategory", "vitalStatus", "policeOperation", "custodyStatus", "assistanceCategory",
                "cardStatus", "schoolStage", "frontDbOperation", "eventType");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sex|0 1 2 9",
            "scheme|110 120 170 210 310 390 410 510",
            "pensionScheme|110 120 170",
            "medicalScheme|310 390",
            "contributionStatus|1 2 3",
            "personStatus|1 2 3",
            "populationCategory|1 2",
            "vitalStatus|0 1 2 3",
            "policeOperation|ADD UPDATE DELETE",
            "custodyStatus|1 2 3",
            "assistanceCategory|01 02 03 04 99",
            "cardStatus|1 2 3",
            "schoolStage|小学 初中 高中 中职 高校",
            "frontDbOperation|I U D",
            "eventType|ENROLL SUSPEND RESUME TERMINATE TRANSFER_OUT PAYMENT"})
    void holdsExactlyTheCodesOfTheSpecification(String name, String codes) {
        CodeTable table = tables.table(name);

        assertThat(table.name()).isEqualTo(name);
        assertThat(table.codes()).containsExactly(codes.split(" "));
        assertThat(table.codes()).allSatisfy(code -> {
            assertThat(table.contains(code)).isTrue();
            assertThat(table.label(code)).isPresent();
            assertThat(table.check(" " + code + " ")).isEqualTo(Check.ok(code));
        });
    }

    @Test
    void ethnicityHoldsTheFiftySixGroupsAndCodes97And98() {
        List<String> expected = IntStream.rangeClosed(1, 56).mapToObj(n -> String.format("%02d", n))
                .collect(Collectors.toCollection(ArrayList::new));
        expected.addAll(List.of("97", "98"));

        CodeTable ethnicity = tables.table("ethnicity");

        assertThat(ethnicity.codes()).containsExactlyElementsOf(expected);
        assertThat(ethnicity.label("01")).contains("汉族");
        assertThat(ethnicity.label("04")).contains("藏族");
        assertThat(ethnicity.label("35")).contains("撒拉族");
        assertThat(ethnicity.label("97")).contains("其他");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sex|1|男性",
            "scheme|170|城乡居民基本养老保险",
            "scheme|390|城乡居民基本医疗保险",
            "contributionStatus|2|暂停缴费",
            "assistanceCategory|02|最低生活保障"})
    void labelsCodesAsTheReferenceTablesDo(String name, String code, String label) {
        assertThat(tables.table(name).label(code)).contains(label);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ethnicity|1",
            "ethnicity|57",
            "scheme|330",
            "scheme|392",
            "sex|M",
            "contributionStatus|0",
            "vitalStatus|4",
            "policeOperation|add",
            "schoolStage|大学",
            "frontDbOperation|X"})
    void rejectsAValueOutsideTheTableNamingTableAndValue(String name, String value) {
        Check<String> check = tables.table(name).check(value);

        assertThat(check.error()).isEqualTo(ErrorCode.CODE_UNKNOWN);
        assertThat(check.message()).contains(name).contains("'" + value + "'");
        assertThat(tables.table(name).contains(value)).isFalse();
        assertThat(tables.table(name).label(value)).isEmpty();
    }

    @Test
    void rejectsAnUnknownEventTypeAsEventType() {
        assertThat(tables.table("eventType").check("CANCEL").error()).isEqualTo(ErrorCode.EVENT_TYPE);
    }

    @Test
    void reportsAnEmptyValueAsMissing() {
        assertThat(tables.table("scheme").check("  ").error()).isEqualTo(ErrorCode.FIELD_MISSING);
        assertThat(tables.table("scheme").check(null).error()).isEqualTo(ErrorCode.FIELD_MISSING);
        assertThat(tables.table("scheme").contains(null)).isFalse();
        assertThat(tables.table("scheme").label(null)).isEmpty();
    }

    @Test
    void refusesATableNameItDoesNotKnowAsAConfigurationError() {
        assertThatThrownBy(() -> tables.table("religion"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("religion")
                .hasMessageContaining("ethnicity");
    }
}
