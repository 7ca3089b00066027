package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyyMMdd|20171015|2017-10-15",
            "yyyyMMdd|00010101|0001-01-01",
            "yyyyMMdd|99991231|9999-12-31",
            "yyyyMMdd|20000229|2000-02-29",
            "yyyyMMdd|20171231|2017-12-31",
            "yyyyMMdd| 20171015 |2017-10-15",
            "yyyy-MM-dd|2017-10-15|2017-10-15",
            "yyyy-MM-dd|2016-02-29|2016-02-29",
            "yyyy-MM-dd|2017-01-31|2017-01-31",
            "yyyy/M/d|2015/3/1|2015-03-01",
            "yyyy/M/d|2015/03/01|2015-03-01",
            "yyyy/M/d|2015/12/31|2015-12-31",
            "yyyy/M/d|2015/3/31|2015-03-31",
            "yyyy/M/d|2015/11/1|2015-11-01"})
    void parsesARealDateInItsPattern(String pattern, String raw, LocalDate expected) {
        assertThat(Dates.date(raw, DatePattern.ofPattern(pattern))).isEqualTo(Check.ok(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyyMMdd|20170230",
            "yyyyMMdd|19000229",
            "yyyyMMdd|20171301",
            "yyyyMMdd|20171000",
            "yyyyMMdd|20170431",
            "yyyyMMdd|00000000",
            "yyyyMMdd|2017101",
            "yyyyMMdd|201710151",
            "yyyyMMdd|2017-10-15",
            "yyyyMMdd|2017101a",
            "yyyyMMdd|２０１７１０１５",
            "yyyy-MM-dd|20171015",
            "yyyy-MM-dd|2017-2-28",
            "yyyy-MM-dd|2017/10/15",
            "yyyy-MM-dd|2017-02-29",
            "yyyy-MM-dd|2017-10-15T00:00",
            "yyyy/M/d|2015-3-1",
            "yyyy/M/d|2015/2/30",
            "yyyy/M/d|2015/13/1",
            "yyyy/M/d|2015/0/1",
            "yyyy/M/d|2015/3/",
            "yyyy/M/d|2015//1",
            "yyyy/M/d|2015/003/1",
            "yyyy/M/d|15/3/1",
            "yyyy/M/d|2015/3/1/",
            "yyyy/M/d|2015/+3/1"})
    void rejectsAnythingThatIsNotARealDateInThePattern(String pattern, String raw) {
        Check<LocalDate> check = Dates.date(raw, DatePattern.ofPattern(pattern));

        assertThat(check.error()).isEqualTo(ErrorCode.DATE_FORMAT);
        assertThat(check.message()).contains(raw).contains(pattern);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyyMM|201709|2017-09",
            "yyyyMM|201701|2017-01",
            "yyyyMM|201712|2017-12",
            "yyyy-MM|2017-09|2017-09",
            "yyyy-MM|\u30002017-12 |2017-12"})
    void parsesAMonthInItsPattern(String pattern, String raw, YearMonth expected) {
        assertThat(Dates.month(raw, DatePattern.ofPattern(pattern))).isEqualTo(Check.ok(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyyMM|201713", "yyyyMM|201700", "yyyyMM|000001", "yyyyMM|20179", "yyyyMM|2017-09", "yyyyMM|20170901",
            "yyyy-MM|2017-13", "yyyy-MM|2017-9", "yyyy-MM|201709", "yyyy-MM|2017/09"})
    void rejectsAnythingThatIsNotARealMonthInThePattern(String pattern, String raw) {
        Check<YearMonth> check = Dates.month(raw, DatePattern.ofPattern(pattern));

        assertThat(check.error()).isEqualTo(ErrorCode.DATE_FORMAT);
        assertThat(check.message()).contains(raw).contains(pattern);
    }

    @ParameterizedTest
    @EnumSource(DatePattern.class)
    void reportsAnEmptyValueAsMissingInEveryPattern(DatePattern pattern) {
        Check<?> check = pattern.hasDay() ? Dates.date(" ", pattern) : Dates.month(null, pattern);

        assertThat(check.error()).isEqualTo(ErrorCode.FIELD_MISSING);
    }

    @ParameterizedTest
    @EnumSource(DatePattern.class)
    void findsEveryPatternByTheNameADescriptorUses(DatePattern pattern) {
        assertThat(DatePattern.ofPattern(pattern.pattern())).isSameAs(pattern);
    }

    @Test
    void refusesAPatternItDoesNotKnowAsAConfigurationError() {
        assertThatThrownBy(() -> DatePattern.ofPattern("dd.MM.yyyy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dd.MM.yyyy")
                .hasMessageContaining("yyyyMMdd");
    }

    @Test
    void refusesToReadADateWithAMonthPatternOrTheOtherWayRound() {
        assertThatThrownBy(() -> Dates.date("201709", DatePattern.YYYYMM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dates.month("20170901", DatePattern.YYYYMMDD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cutsALongGarbageValueInTheMessage() {
        String garbage = "x".repeat(500);

        assertThat(Dates.date(garbage, DatePattern.YYYYMMDD).message()).hasSizeLessThan(100);
    }
}
