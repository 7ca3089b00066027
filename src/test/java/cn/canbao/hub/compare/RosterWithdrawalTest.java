package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.TestIds;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county whose only person to survey became insured between two runs of the same as-of date: the second run
 * withdraws the roster the first one published, so what the county finds matches the latest run.
 */
class RosterWithdrawalTest extends HubIntegrationTest {

    private static final LocalDate D = LocalDate.of(2017, 11, 21);
    // a county no other test places anyone in: its roster holds this test's person only
    private static final String COUNTY = "632625";
    private static final String FILE = "roster/ROSTER_632625_20171121.csv";

    @Autowired
    ComparisonRuns runs;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withdrawsTheRosterOfACountyWithNobodyLeftToSurvey() throws Exception {
        SourceRecords records = new SourceRecords(jdbc);
        String person = TestIds.next(COUNTY, 1979, true);
        records.police(person, "孙己", COUNTY + "100");

        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        try (PartnerSftp county = new PartnerSftp(DATA_DIR, "county-" + COUNTY, SFTP_PORT)) {
            assertThat(county.read(FILE)).contains(person);
        }

        records.participation(person, "390", COUNTY, "1", null, YearMonth.of(2017, 10));
        records.participation(person, "170", COUNTY, "1", "1", YearMonth.of(2017, 10));
        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        try (PartnerSftp county = new PartnerSftp(DATA_DIR, "county-" + COUNTY, SFTP_PORT)) {
            assertThat(county.exists(FILE)).isFalse();
            assertThat(county.exists(FILE + ".ok")).isFalse();
            assertThat(county.read("roster/.withdrawn/ROSTER_632625_20171121.csv")).contains(person);
            assertThat(county.exists("roster/.withdrawn/ROSTER_632625_20171121.csv.ok")).isTrue();
        }
    }
}
