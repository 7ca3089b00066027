package cn.canbao.hub.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.TestFiles;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The CARD file path of the Foundation issue, end to end over the embedded exchange server. */
class CardFileIntakeTest extends HubIntegrationTest {

    private static final String HEADER =
            "id_number,name,sex,ethnicity,birth_date,card_no,issue_region,card_status,issue_date\n";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camelContext;

    private final ObjectMapper json = new ObjectMapper();
    private PartnerSftp card;

    @BeforeEach
    void connect() throws Exception {
        card = new PartnerSftp(DATA_DIR, "card", SFTP_PORT);
    }

    @AfterEach
    void disconnect() {
        card.close();
    }

    private static String row(String id, String name, String sex) {
        return id + "," + name + "," + sex + ",01," + id.substring(6, 14) + ",C" + id.substring(10, 17)
                + ",630102,1,20150301\n";
    }

    private static String id() {
        return TestIds.next("630102", 1980, true);
    }

    @Test
    void readsADataFileAsItStreamsInsteadOfCopyingItIntoTheHeapFirst() {
        Route route = camelContext.getRoute(TransportKind.SFTP_BATCH_IN.routeId("CARD"));

        assertThat(route.isStreamCaching()).as("stream caching of %s", route.getRouteId()).isFalse();
    }

    @Test
    void acceptsValidFileStoresPersonsAndMovesFilesToDone() throws Exception {
        String first = id();
        String second = id();
        byte[] data = (HEADER + row(first, "张三", "1") + row(second, "扎西·多杰", "1")).getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");

        card.send(file, data, 2);
        JsonNode receipt = json.readTree(card.awaitReceipt(file));

        assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.get("file").asText()).isEqualTo(file);
        assertThat(receipt.get("sha256").asText()).isEqualTo(PartnerSftp.sha256(data));
        assertThat(receipt.get("records").asLong()).isEqualTo(2);
        assertThat(receipt.get("accepted").asLong()).isEqualTo(2);
        assertThat(receipt.get("rejected").asLong()).isZero();
        assertThat(receipt.get("receivedAt").asText()).endsWith("+08:00");
        assertThat(card.list("in/.done")).contains(file, file + ".ok");
        assertThat(card.exists("in/" + file)).isFalse();
        List<String> stored = jdbc.queryForList("SELECT payload->'person'->>'name' FROM source_record "
                + "WHERE system = 'CARD' AND id_number IN (?, ?) ORDER BY record_no", String.class, first, second);
        assertThat(stored).containsExactly("张三", "扎西·多杰");
    }

    @Test
    void rejectsInvalidIdentityNumberButAcceptsTheOtherRecords() throws Exception {
        String good = id();
        String bad = TestIds.withWrongCheckCharacter(id());
        byte[] data = (HEADER + row(good, "李四", "1") + row(bad, "王五", "1")).getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");

        card.send(file, data, 2);
        JsonNode receipt = json.readTree(card.awaitReceipt(file));

        assertThat(receipt.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.get("accepted").asLong()).isEqualTo(1);
        assertThat(receipt.get("rejected").asLong()).isEqualTo(1);
        JsonNode error = receipt.get("errors").get(0);
        assertThat(error.get("record").asLong()).isEqualTo(2);
        assertThat(error.get("field").asText()).isEqualTo("id_number");
        assertThat(error.get("code").asText()).isEqualTo("ID_CHECKSUM");
        assertThat(card.list("in/.done")).contains(file);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quarantine WHERE source_ref = ?", Long.class,
                file + "#2")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT raw FROM quarantine WHERE source_ref = ?", String.class, file + "#2"))
                .contains("王五");
    }

    /** REGION6, the sender's region (spec §3): a division of the province, the province itself included. */
    @ParameterizedTest(name = "{0} ({2})")
    @CsvSource({
            "630000, ACCEPTED, the province",
            "630102, ACCEPTED, a county of the province (城东区)",
            "632100, REJECTED, a prefecture of the province until 2011 (海东地区)",
            "639999, REJECTED, no division of the province",
            "110000, REJECTED, another province",
            "000000, REJECTED, no region"})
    void takesAFileOnlyFromARegionOfTheProvince(String region, String status, String what) throws Exception {
        String person = id();
        byte[] data = (HEADER + row(person, "马福", "1")).getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv").replace("_630000_", "_" + region + "_");

        card.send(file, data, 1);
        JsonNode receipt = json.readTree(card.awaitReceipt(file));

        assertThat(receipt.get("status").asText()).isEqualTo(status);
        if (status.equals("REJECTED")) {
            assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("FILE_NAME");
            assertThat(receipt.at("/errors/0/message").asText()).startsWith("REGION6 " + region + " is not a region");
            assertThat(card.list("in/.error")).contains(file);
        }
        assertThat(storedRecordsOf(person)).isEqualTo(status.equals("ACCEPTED") ? 1 : 0);
    }

    @Test
    void rejectsFileWhoseDoneFileHashDiffers() throws Exception {
        String person = id();
        byte[] data = (HEADER + row(person, "赵六", "1")).getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");

        card.send(file, data, "0".repeat(64) + "\nrecords=1\n");
        JsonNode receipt = json.readTree(card.awaitReceipt(file));

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.get("errors").get(0).get("code").asText()).isEqualTo("FILE_HASH");
        assertThat(receipt.get("errors").get(0).get("record").asLong()).isZero();
        assertThat(card.list("in/.error")).contains(file, file + ".ok");
        assertThat(storedRecordsOf(person)).isZero();
    }

    @Test
    void rejectsFileWhoseDoneFileCountDiffers() throws Exception {
        String person = id();
        byte[] data = (HEADER + row(person, "孙七", "2")).getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");

        card.send(file, data, 3);
        JsonNode receipt = json.readTree(card.awaitReceipt(file));

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.get("errors").get(0).get("code").asText()).isEqualTo("FILE_COUNT");
        assertThat(storedRecordsOf(person)).isZero();
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        String file = TestFiles.name("CARD", "csv");

        card.send(file, new byte[0], 0);
        JsonNode receipt = json.readTree(card.awaitReceipt(file));

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.get("errors").get(0).get("code").asText()).isEqualTo("FILE_EMPTY");
        assertThat(card.list("in/.error")).contains(file);
    }

    @Test
    void rejectsFileWithoutHeader() throws Exception {
        String person = id();
        byte[] data = row(person, "周八", "1").getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");

        card.send(file, data, 1);
        JsonNode receipt = json.readTree(card.awaitReceipt(file));

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.get("errors").get(0).get("code").asText()).isEqualTo("FILE_FORMAT");
        assertThat(storedRecordsOf(person)).isZero();
    }

    @Test
    void answersTheSameFileSentAgainWithDuplicate() throws Exception {
        String person = id();
        byte[] data = (HEADER + row(person, "吴九", "1")).getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");
        card.send(file, data, 1);
        assertThat(json.readTree(card.awaitReceipt(file)).get("status").asText()).isEqualTo("ACCEPTED");

        card.send(file, data, 1);
        JsonNode again = json.readTree(card.awaitReceipt(file));

        assertThat(again.get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(storedRecordsOf(person)).isEqualTo(1);
    }

    @Test
    void answersContentThatWasOnlyRejectedEachTimeItIsSent() throws Exception {
        String wrong = TestIds.withWrongCheckCharacter(id());
        byte[] data = (HEADER + row(wrong, "冯二", "1")).getBytes(StandardCharsets.UTF_8);
        String first = TestFiles.name("CARD", "csv");
        String again = TestFiles.name("CARD", "csv");
        card.send(first, data, 1);
        assertThat(json.readTree(card.awaitReceipt(first)).get("status").asText()).isEqualTo("REJECTED");

        card.send(again, data, 1);
        JsonNode receipt = json.readTree(card.awaitReceipt(again));

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("ID_CHECKSUM");
        assertThat(jdbc.queryForObject("SELECT source_ref FROM quarantine WHERE intake_key = ?", String.class,
                PartnerSftp.sha256(data) + ":1")).isEqualTo(again + "#1");
    }

    @Test
    void movesADoneFileACrashLeftBehindItsAnsweredDataFile() throws Exception {
        byte[] data = (HEADER + row(id(), "褚三", "2")).getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");
        card.send(file, data, 1);
        card.awaitReceipt(file);
        // as a crash between the two moves leaves it: the data file in in/.done/, its done file still in in/
        card.put("in/" + file + ".ok", card.read("in/.done/" + file + ".ok").getBytes(StandardCharsets.UTF_8));
        card.delete("in/.done/" + file + ".ok");
        jdbc.update("UPDATE intake_file SET delivered_at = NULL WHERE file_name = ?", file);

        await().atMost(Duration.ofSeconds(30)).until(() -> !card.exists("in/" + file + ".ok"));

        assertThat(card.list("in/.done")).contains(file, file + ".ok");
        assertThat(jdbc.queryForObject("SELECT delivered_at IS NOT NULL FROM intake_file WHERE file_name = ?",
                Boolean.class, file)).isTrue();
    }

    @Test
    void movesAFileOfOnlyRejectedRecordsToErrorAlsoWhenItIsTakenAgainAfterACrash() throws Exception {
        byte[] data = (HEADER + row(TestIds.withWrongCheckCharacter(id()), "褚四", "2"))
                .getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");
        card.send(file, data, 1);
        assertThat(json.readTree(card.awaitReceipt(file)).get("status").asText()).isEqualTo("REJECTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> card.exists("in/.error/" + file + ".ok"));
        // as a crash after the file's transaction committed leaves it: the files still in in/, no receipt sent (the
        // partner took the first one away)
        card.delete("in/.error/" + file);
        card.delete("in/.error/" + file + ".ok");
        jdbc.update("UPDATE intake_file SET delivered_at = NULL WHERE file_name = ?", file);

        card.send(file, data, 1);

        assertThat(json.readTree(card.awaitReceipt(file)).get("status").asText()).isEqualTo("REJECTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !card.exists("in/" + file + ".ok"));
        assertThat(card.list("in/.error")).contains(file, file + ".ok");
        assertThat(card.exists("in/.done/" + file)).isFalse();
    }

    @Test
    void leavesDataFileAloneUntilItsDoneFileArrives() throws Exception {
        String waiting = TestFiles.name("CARD", "csv");
        byte[] data = (HEADER + row(id(), "郑十", "1")).getBytes(StandardCharsets.UTF_8);
        card.put("in/" + waiting, data);
        String other = TestFiles.name("CARD", "csv");
        card.send(other, (HEADER + row(id(), "钱一", "2")).getBytes(StandardCharsets.UTF_8), 1);
        card.awaitReceipt(other);

        assertThat(card.exists("in/" + waiting)).isTrue();
        assertThat(card.exists("receipt/" + waiting + ".receipt.json")).isFalse();

        card.put("in/" + waiting + ".ok", PartnerSftp.doneFile(data, 1).getBytes(StandardCharsets.UTF_8));
        assertThat(json.readTree(card.awaitReceipt(waiting)).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void warnsAboutSamePersonTwiceAndSexContradictingIdentityNumber() throws Exception {
        String person = TestIds.next("630102", 1990, false);
        byte[] data = (HEADER + row(person, "马丽", "1") + row(person, "马丽", "2")).getBytes(StandardCharsets.UTF_8);
        String file = TestFiles.name("CARD", "csv");

        card.send(file, data, 2);
        JsonNode receipt = json.readTree(card.awaitReceipt(file));

        assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.get("warnings").findValuesAsText("code")).containsExactlyInAnyOrder("SEX_MISMATCH",
                "DUPLICATE_IN_FILE");
        assertThat(storedRecordsOf(person)).isEqualTo(2);
    }

    private long storedRecordsOf(String idNumber) {
        return jdbc.queryForObject("SELECT count(*) FROM source_record WHERE id_number = ?", Long.class, idNumber);
    }
}
