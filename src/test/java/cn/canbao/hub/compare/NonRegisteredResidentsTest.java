package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.TestFiles;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Non-registered residents (RYLB 2) whose household registration lies in another province, from the POLICE file
 * to the survey roster: the file is accepted — a county the national divisions no longer list only warns — and
 * they are rostered in the county they live in (spec §7.1).
 */
class NonRegisteredResidentsTest extends HubIntegrationTest {

    private static final Charset GBK = Charset.forName("GB18030");
    private static final LocalDate D = LocalDate.of(2017, 11, 22);
    // a county no other test places anyone in: its roster holds this test's persons only
    private static final String COUNTY = "632622";
    private static final String TOWNSHIP = "632622100";

    @Autowired
    ComparisonRuns runs;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptsResidentsFromOtherProvincesAndRostersThemWhereTheyLive() throws Exception {
        String fromHenan = TestIds.next("410102", 1988, true);
        String fromZhejiang = TestIds.next("330103", 1990, false);
        String file = TestFiles.name("POLICE", "xml");
        byte[] data = """
                <?xml version="1.0" encoding="GBK"?>
                <PopulationExchange sender="630000" date="20171015" count="2">
                  <Person op="ADD"><GMSFHM>%s</GMSFHM><XM>王建军</XM><XB>1</XB><MZ>01</MZ><CSRQ>%s</CSRQ>
                    <RYLB>2</RYLB><HJXZQH>410102001</HJXZQH><JZXZQH>%s</JZXZQH><HJDZ>河南省郑州市中原区</HJDZ>
                    <RYZT>0</RYZT><BDRQ>20170910</BDRQ></Person>
                  <Person op="ADD"><GMSFHM>%s</GMSFHM><XM>陈丽</XM><XB>2</XB><MZ>01</MZ><CSRQ>%s</CSRQ>
                    <RYLB>2</RYLB><HJXZQH>330103002</HJXZQH><JZXZQH>%s</JZXZQH><HJDZ>浙江省杭州市下城区</HJDZ>
                    <RYZT>0</RYZT><BDRQ>20170920</BDRQ></Person>
                </PopulationExchange>
                """.formatted(fromHenan, fromHenan.substring(6, 14), TOWNSHIP,
                fromZhejiang, fromZhejiang.substring(6, 14), TOWNSHIP).getBytes(GBK);

        JsonNode receipt;
        try (PartnerSftp police = new PartnerSftp(DATA_DIR, "police", SFTP_PORT)) {
            police.send(file, data, 2);
            receipt = json.readTree(police.awaitReceipt(file));
        }

        assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.get("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.get("warnings")).singleElement().satisfies(warning -> {
            assertThat(warning.get("record").asInt()).isEqualTo(2);
            assertThat(warning.get("field").asText()).isEqualTo("HJXZQH");
            assertThat(warning.get("code").asText()).isEqualTo("REGION_UNVERIFIED");
        });

        ComparisonRuns.Run run = runs.run(D, "TEST");
        assertThat(run.status()).as("run error: %s", run.error()).isEqualTo("COMPLETED");

        String roster;
        try (PartnerSftp county = new PartnerSftp(DATA_DIR, "county-" + COUNTY, SFTP_PORT)) {
            roster = county.read("roster/ROSTER_" + COUNTY + "_20171122.csv");
        }
        assertThat(roster)
                .contains(fromHenan + ",王建军,男," + age(fromHenan) + ",河南省郑州市中原区,赛来塘镇,未参保,170;390,")
                .contains(fromZhejiang + ",陈丽,女," + age(fromZhejiang) + ",浙江省杭州市下城区,赛来塘镇,未参保,170;390,");
    }

    private static int age(String id) {
        return Period.between(LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE), D).getYears();
    }
}
