package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.model.Operation;
import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Roster files of spec §7.1 read back over SFTP as the county agency: exact header and rows, byte order mark,
 * CRLF, sort order, the formula-injection guard and the done file; no file for a county with nobody to survey.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterPublishingTest extends HubIntegrationTest {

    private static final LocalDate D = LocalDate.of(2017, 11, 20);
    private static final String FILE = "roster/ROSTER_630102_20171120.csv";
    private static final String HEADER = "序号,公民身份号码,姓名,性别,年龄,户籍地址,乡镇街道,类别,缺少险种,原因说明\r\n";

    @Autowired
    ComparisonRuns runs;
    @Autowired
    JdbcTemplate jdbc;

    private final String uninsured = TestIds.next("630102", 1980, true);
    private final String lapsed = TestIds.next("630102", 1981, false);
    private final String partial = TestIds.next("630102", 1982, true);
    private final String insured = TestIds.next("630102", 1983, true);
    private final String insuredElsewhereCounty = TestIds.next("632723", 1984, true);
    private byte[] roster;
    private String doneFile;
    private boolean emptyCountyHasFile;

    @BeforeAll
    void publish() throws Exception {
        SourceRecords records = new SourceRecords(jdbc);
        records.police(uninsured, "张甲", "1", "630102101", "630102101", "0", null, "=HYPERLINK(\"http://x\")",
                Operation.ADD, SourceRecords.RECEIVED);
        records.police(lapsed, "李乙", "630102001");
        records.participation(lapsed, "390", "630102", "1", null, YearMonth.of(2016, 1));
        records.participation(lapsed, "170", "630102", "1", "1", YearMonth.of(2017, 9));
        records.police(partial, "王丙", "630102001");
        for (String scheme : List.of("110", "210", "410", "310")) {
            records.participation(partial, scheme, "630102", "1", "1", YearMonth.of(2017, 10));
        }
        records.police(insured, "赵丁", "630102001");
        records.participation(insured, "390", "630102", "1", null, YearMonth.of(2017, 9));
        records.participation(insured, "170", "630102", "1", "1", YearMonth.of(2017, 9));
        records.police(insuredElsewhereCounty, "钱戊", "632723100");
        records.participation(insuredElsewhereCounty, "390", "632723", "1", null, YearMonth.of(2017, 9));
        records.participation(insuredElsewhereCounty, "170", "632723", "1", "1", YearMonth.of(2017, 9));

        ComparisonRuns.Run run = runs.run(D, "TEST");
        assertThat(run.status()).as("run error: %s", run.error()).isEqualTo("COMPLETED");

        try (PartnerSftp county = new PartnerSftp(DATA_DIR, "county-630102", SFTP_PORT)) {
            roster = county.read(FILE).getBytes(StandardCharsets.UTF_8);
            doneFile = county.read(FILE + ".ok");
        }
        try (PartnerSftp county = new PartnerSftp(DATA_DIR, "county-632723", SFTP_PORT)) {
            emptyCountyHasFile = county.exists("roster/ROSTER_632723_20171120.csv");
        }
    }

    @Test
    void startsWithByteOrderMarkAndTheSpecifiedHeader() {
        assertThat(Arrays.copyOf(roster, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text()).startsWith("\uFEFF" + HEADER);
    }

    @Test
    void listsEachPersonToSurveyWithCategoryMissingSchemesAndExplanation() {
        assertThat(rowOf(uninsured)).isEqualTo(uninsured + ",张甲,男," + age(uninsured)
                + ",\"'=HYPERLINK(\"\"http://x\"\")\",韵家口镇,未参保,170;390,"
                + "无任何险种参保记录；未参加医疗保险（应参 390）；未参加养老保险（应参 170）");
        assertThat(rowOf(lapsed)).isEqualTo(lapsed + ",李乙,女," + age(lapsed)
                + ",某某路1号,东关大街街道,断保,390,医疗保险断保（390 最后缴费 2016-01）");
        assertThat(rowOf(partial)).isEqualTo(partial + ",王丙,男," + age(partial)
                + ",某某路1号,东关大街街道,未参齐险种,510,未参加生育保险（应参 510）");
        assertThat(text()).doesNotContain(insured);
    }

    @Test
    void sortsByTownshipThenIdentityNumberAndNumbersTheRows() {
        List<String> rows = dataRows();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)).startsWith((i + 1) + ",");
        }
        List<String> mine = rows.stream().map(row -> row.split(",")[1])
                .filter(id -> List.of(uninsured, lapsed, partial).contains(id)).toList();
        List<String> expected = lapsed.compareTo(partial) < 0 ? List.of(lapsed, partial, uninsured)
                : List.of(partial, lapsed, uninsured);
        assertThat(mine).containsExactlyElementsOf(expected);
    }

    @Test
    void doneFileHoldsTheHashAndTheNumberOfRecords() throws Exception {
        assertThat(doneFile).isEqualTo(PartnerSftp.sha256(roster) + "\nrecords=" + dataRows().size() + "\n");
    }

    @Test
    void writesNoFileForACountyWithNobodyToSurvey() {
        assertThat(emptyCountyHasFile).isFalse();
    }

    private String text() {
        return new String(roster, StandardCharsets.UTF_8);
    }

    private List<String> dataRows() {
        String body = text().substring(1 + HEADER.length());
        assertThat(body).endsWith("\r\n");
        return Arrays.asList(body.split("\r\n"));
    }

    /** The row of a person without its sequence number. */
    private String rowOf(String id) {
        return dataRows().stream().filter(row -> row.contains("," + id + ",")).findFirst()
                .map(row -> row.substring(row.indexOf(',') + 1)).orElseThrow();
    }

    private static int age(String id) {
        LocalDate born = LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
        return Period.between(born, D).getYears();
    }
}
