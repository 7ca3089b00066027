package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.standard.Schemes;
import cn.canbao.hub.standard.Schemes.Expectation;
import cn.canbao.hub.standard.Schemes.Insured;
import cn.canbao.hub.standard.Schemes.Scheme;
import cn.canbao.hub.support.HubIntegrationTest;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheme functions of {@code R__10_schemes.sql} say what {@code reference/schemes.csv} and
 * {@code reference/expectations.csv} say ({@link Schemes}), for every scheme, every expectation and every mask: a
 * change to one side without the other fails here, not in a roster.
 */
class SchemeFunctionsTest extends HubIntegrationTest {

    private static final Schemes PROGRAMME = Schemes.programme();
    private static final int SCHEME_MASKS = 256;
    private static final LocalDate MONTHLY = LocalDate.of(2017, 7, 1);
    private static final LocalDate YEARLY = LocalDate.of(2016, 10, 1);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everySchemeHasItsBitAndPaymentWindow() {
        for (Scheme scheme : PROGRAMME.schemes()) {
            assertThat(jdbc.queryForObject("SELECT scheme_bit(?)", Integer.class, scheme.code()))
                    .as("scheme_bit(%s)", scheme.code()).isEqualTo(scheme.bit());
            assertThat(jdbc.queryForObject("SELECT payment_cutoff(?, ?, ?)", LocalDate.class, scheme.code(), MONTHLY,
                    YEARLY)).as("payment_cutoff(%s)", scheme.code()).isEqualTo(scheme.paidYearly() ? YEARLY : MONTHLY);
        }
        assertThat(jdbc.queryForObject("SELECT all_schemes()", Integer.class))
                .isEqualTo(PROGRAMME.schemes().stream().mapToInt(Scheme::bit).reduce(0, (a, b) -> a | b));
        assertThat(jdbc.queryForObject("SELECT scheme_bit('999')", Integer.class)).isZero();
    }

    @Test
    void everySchemeMaskHasItsCodesAndEveryCheckOnIt() {
        Map<Integer, String> actual = new LinkedHashMap<>();
        jdbc.query("SELECT m, array_to_string(scheme_codes(m), ','), expectations_met(m), "
                + "insured_as_employee_and_resident(m), "
                + "array_to_string(ARRAY(SELECT c FROM unnest(?::text[]) c WHERE has_scheme(m, c::bpchar)), ',') "
                + "FROM generate_series(0, ?) m ORDER BY m", rs -> {
                    actual.put(rs.getInt(1), rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getBoolean(4) + "|"
                            + rs.getString(5));
                }, PROGRAMME.codes().toArray(String[]::new), SCHEME_MASKS - 1);

        Map<Integer, String> expected = new LinkedHashMap<>();
        for (int mask = 0; mask < SCHEME_MASKS; mask++) {
            String codes = String.join(",", codes(mask));
            expected.put(mask, codes + "|" + expectationsMet(mask) + "|" + insuredTwice(mask) + "|" + codes);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyExpectationHasItsBitSchemesAndSchemeToEnrolIn() {
        for (Expectation expectation : PROGRAMME.expectations()) {
            String code = expectation.code();
            assertThat(jdbc.queryForObject("SELECT expectation_bit(?)", Integer.class, code)).as(code)
                    .isEqualTo(expectation.bit());
            assertThat(jdbc.queryForObject("SELECT expectation_schemes(?)", Integer.class, code)).as(code)
                    .isEqualTo(mask(expectation.schemes()));
            assertThat(jdbc.queryForObject("SELECT expectation_schemes_json(?)", String.class, code)).as(code)
                    .isEqualTo(expectation.schemes().stream().map(s -> "\"" + s + "\"")
                            .collect(Collectors.joining(",", "[", "]")));
            assertThat(jdbc.queryForObject("SELECT enrol_scheme(?, false)", String.class, code)).as(code)
                    .isEqualTo(expectation.enrol());
            assertThat(jdbc.queryForObject("SELECT enrol_scheme(?, true)", String.class, code)).as(code)
                    .isEqualTo(expectation.enrolIfEmployed());
            for (Scheme scheme : PROGRAMME.schemes()) {
                assertThat(jdbc.queryForObject("SELECT scheme_meets(?, ?)", Boolean.class, scheme.code(), code))
                        .as("scheme_meets(%s, %s)", scheme.code(), code)
                        .isEqualTo(expectation.schemes().contains(scheme.code()));
            }
        }
    }

    @Test
    void everyExpectationMaskHasItsNamesAndSchemesToEnrolIn() throws SQLException {
        int expectationMasks = 1 << PROGRAMME.expectations().size();
        for (int mask = 0; mask < expectationMasks; mask++) {
            List<String> names = new ArrayList<>();
            int toEnrol = 0;
            int toEnrolIfEmployed = 0;
            for (Expectation expectation : PROGRAMME.expectations()) {
                if ((mask & expectation.bit()) != 0) {
                    names.add(expectation.code());
                    toEnrol |= bit(expectation.enrol());
                    toEnrolIfEmployed |= bit(expectation.enrolIfEmployed());
                }
            }
            Array actual = jdbc.queryForObject("SELECT expectation_names(?)", Array.class, mask);
            assertThat(actual == null ? List.of() : Arrays.asList((Object[]) actual.getArray()))
                    .as("expectation_names(%d)", mask).isEqualTo(names);
            assertThat(jdbc.queryForObject("SELECT enrol_schemes(?, false)", Integer.class, mask))
                    .as("enrol_schemes(%d, false)", mask).isEqualTo(toEnrol);
            assertThat(jdbc.queryForObject("SELECT enrol_schemes(?, true)", Integer.class, mask))
                    .as("enrol_schemes(%d, true)", mask).isEqualTo(toEnrolIfEmployed);
        }
    }

    private static List<String> codes(int mask) {
        return PROGRAMME.schemes().stream().filter(s -> (mask & s.bit()) != 0).map(Scheme::code).toList();
    }

    private static int expectationsMet(int mask) {
        return PROGRAMME.expectations().stream().filter(e -> (mask & mask(e.schemes())) != 0)
                .mapToInt(Expectation::bit).reduce(0, (a, b) -> a | b);
    }

    /** Insured by a scheme for employees and one for residents that meet the same expectation. */
    private static boolean insuredTwice(int mask) {
        return PROGRAMME.expectations().stream().anyMatch(e ->
                e.schemes().stream().map(PROGRAMME::scheme).flatMap(java.util.Optional::stream)
                        .filter(s -> (mask & s.bit()) != 0).map(Scheme::insures).distinct().count()
                        == Insured.values().length);
    }

    private static int mask(List<String> codes) {
        return codes.stream().mapToInt(SchemeFunctionsTest::bit).reduce(0, (a, b) -> a | b);
    }

    private static int bit(String code) {
        return PROGRAMME.scheme(code).orElseThrow().bit();
    }
}
