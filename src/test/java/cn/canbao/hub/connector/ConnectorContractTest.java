package cn.canbao.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.embedded.EmbeddedFrontDatabase;
import cn.canbao.hub.exchange.Queues;
import cn.canbao.hub.support.PartnerJms;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.TestHub;
import cn.canbao.hub.support.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.TextMessage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract every connector keeps, walked for every {@code connectors/*.connector.yaml}: its descriptor is
 * valid (the hub started with it), each of its routes is started, and every fixture case under
 * {@code src/test/resources/fixtures/<system>/} — sent over SFTP exactly as a partner would — yields its
 * expected receipt and, record by record, its expected canonical messages. A new connector with fixtures
 * needs no new Java test.
 *
 * <p>A case is {@code <case>.<ext>} with {@code <case>.expected.json}: {@code {"receipt": {…}, "records": [ … ]}}.
 * The receipt is compared without its volatile fields (file, sha256, receivedAt); each stored record's canonical
 * message is compared without its envelope's message id, arrival time and file name. A case may bring its own
 * done file {@code <case>.ok} (a wrong hash or count); otherwise the done file is computed with the expected
 * receipt's {@code records}. A case whose name ends in {@code _FULL} is sent as a full file.
 *
 * <p>A connector with a {@code jms-events-in} transport may have event cases as well:
 * {@code fixtures/<system>/events/<case>.json}, the participation event exactly as the scheme system sends it
 * (spec §5), with {@code <case>.expected.json}: {@code {"receipt": {…}, "records": [ … ]}}. The event is sent on
 * the system's events queue with the partner's broker account; its receipt, taken from the receipts queue by
 * correlation id, must equal {@code receipt}, and the canonical messages stored for its eventId — compared
 * without message id and arrival time — must equal {@code records}.
 *
 * <p>A connector with a {@code sql-poll-in} transport may have row cases: {@code fixtures/<system>/rows/<case>.json},
 * one row of the front database's exchange table as the partner's side writes it (column → value, spec §4.10;
 * without {@code seq} and the sync columns, which the test sets), with {@code <case>.expected.json}:
 * {@code {"status": {"syncStatus": …, "syncMessage": …}, "records": [ … ]}}. The row is inserted with a fresh
 * {@code seq} into the embedded front database; once the hub has marked it, its sync status and message must equal
 * {@code status}, and the canonical messages stored for it — without message id, arrival time and seq — must equal
 * {@code records}.
 *
 * <p>When a case does not give what it expects, what it gave is written to
 * {@code target/contract-actual/<system>/<case>.expected.json} (same shape, volatile fields removed) for
 * comparison; a new case's expectation may start from it, but only after every value is checked against the
 * interface specification.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectorContractTest {

    /** Full-file cases end every record of their system they do not list: this test has a hub of its own. */
    private static final TestHub OWN = TestHub.create();

    @DynamicPropertySource
    static void ownHub(DynamicPropertyRegistry registry) {
        OWN.register(registry);
    }

    private static final AtomicLong ROW_SEQ = new AtomicLong(System.currentTimeMillis() * 1_000);

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path ACTUAL = Path.of("target/contract-actual");

    @Autowired
    ConnectorCatalog catalog;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private final ObjectMapper json = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyConnectorKeepsItsContract() {
        assertThat(catalog.all()).as("descriptors under connectors/").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Connector connector : catalog.all()) {
            for (TransportSpec transport : connector.descriptor().transports()) {
                String routeId = transport.kind().routeId(connector.system());
                tests.add(DynamicTest.dynamicTest(routeId + " is started",
                        () -> assertThat(camel.getRouteController().getRouteStatus(routeId))
                                .isEqualTo(ServiceStatus.Started)));
            }
            connector.descriptor().transport(TransportKind.SFTP_BATCH_IN).ifPresent(transport ->
                    fileCases(connector.system()).forEach(dataFile -> tests.add(DynamicTest.dynamicTest(
                            connector.system() + " " + dataFile.getFileName(),
                            () -> checkFileCase(connector.system(), transport, dataFile)))));
            connector.descriptor().transport(TransportKind.JMS_EVENTS_IN).ifPresent(transport ->
                    jsonCases(connector.system(), "events").forEach(event -> tests.add(DynamicTest.dynamicTest(
                            connector.system() + " events/" + event.getFileName(),
                            () -> checkEventCase(connector.system(), transport, event)))));
            connector.descriptor().transport(TransportKind.SQL_POLL_IN).ifPresent(transport ->
                    jsonCases(connector.system(), "rows").forEach(row -> tests.add(DynamicTest.dynamicTest(
                            connector.system() + " rows/" + row.getFileName(),
                            () -> checkRowCase(connector.system(), transport, row)))));
        }
        return tests.stream();
    }

    private static List<Path> fileCases(String system) {
        Path directory = FIXTURES.resolve(system.toLowerCase());
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().endsWith(".expected.json") && !f.toString().endsWith(".ok"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> jsonCases(String system, String kind) {
        Path directory = FIXTURES.resolve(system.toLowerCase()).resolve(kind);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkRowCase(String system, TransportSpec transport, Path rowFile) throws Exception {
        String caseName = rowFile.getFileName().toString().replaceFirst("\\.json$", "");
        JsonNode expected = json.readTree(rowFile.resolveSibling(caseName + ".expected.json").toFile());
        ObjectNode row = (ObjectNode) json.readTree(rowFile.toFile());
        long seq = ROW_SEQ.incrementAndGet();
        row.put("seq", seq).put("sync_status", "0");
        JdbcTemplate partnerSide = new JdbcTemplate(postgres.getDatabase("postgres", EmbeddedFrontDatabase.DATABASE));
        partnerSide.update("INSERT INTO " + transport.table() + " SELECT * FROM json_populate_record(NULL::"
                + transport.table() + ", CAST(? AS json))", json.writeValueAsString(row));

        String statusOfRow = "SELECT sync_status, sync_msg FROM " + transport.table() + " WHERE seq = ?";
        await().atMost(Duration.ofSeconds(30)).until(() -> !"0".equals(
                partnerSide.queryForMap(statusOfRow, seq).get("sync_status")));
        Map<String, Object> marked = partnerSide.queryForMap(statusOfRow, seq);

        ObjectNode actual = json.createObjectNode();
        actual.putObject("status").put("syncStatus", (String) marked.get("sync_status"))
                .put("syncMessage", (String) marked.get("sync_msg"));
        actual.set("records", storedRowRecords("frontdb:" + system + ":" + seq));
        if (!actual.equals(expected)) {
            Path written = ACTUAL.resolve(system.toLowerCase()).resolve("rows").resolve(caseName + ".expected.json");
            Files.createDirectories(written.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), actual);
        }
        assertThat(actual.get("status")).as("sync status of " + rowFile).isEqualTo(expected.get("status"));
        assertThat(actual.get("records")).as("canonical records of " + rowFile).isEqualTo(expected.path("records"));
    }

    private ArrayNode storedRowRecords(String intakeKey) throws IOException {
        ArrayNode records = storedRecordsOf(intakeKey);
        records.forEach(message -> ((ObjectNode) message.get("envelope").get("sourceReference")).remove("frontDbSeq"));
        return records;
    }

    private void checkEventCase(String system, TransportSpec transport, Path eventFile) throws Exception {
        String caseName = eventFile.getFileName().toString().replaceFirst("\\.json$", "");
        JsonNode expected = json.readTree(eventFile.resolveSibling(caseName + ".expected.json").toFile());
        String event = Files.readString(eventFile, StandardCharsets.UTF_8);
        String account = system.toLowerCase();
        String queue = transport.eventsQueue(system);
        String correlationId = "contract-" + account + "-" + caseName;

        JsonNode receipt;
        try (PartnerJms partner = new PartnerJms(OWN.dataDir(), account, OWN.brokerPort())) {
            partner.send(queue, event, correlationId);
            TextMessage answer = partner.receive(Queues.receipts(system), correlationId, 30_000);
            assertThat(answer).as("receipt of " + eventFile).isNotNull();
            receipt = json.readTree(answer.getText());
        }

        ObjectNode actual = json.createObjectNode();
        actual.set("receipt", receipt);
        actual.set("records", storedRecordsOf("event:" + json.readTree(event).path("eventId").asText()));
        if (!actual.equals(expected)) {
            Path written = ACTUAL.resolve(account).resolve("events").resolve(caseName + ".expected.json");
            Files.createDirectories(written.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), actual);
        }
        assertThat(actual.get("receipt")).as("receipt of " + eventFile).isEqualTo(expected.get("receipt"));
        assertThat(actual.get("records")).as("canonical records of " + eventFile).isEqualTo(expected.path("records"));
    }

    /** The canonical messages stored under an intake key, without message id and arrival time. */
    private ArrayNode storedRecordsOf(String intakeKey) throws IOException {
        ArrayNode records = json.createArrayNode();
        for (String payload : jdbc.queryForList("SELECT message::text FROM source_message WHERE intake_key = ?",
                String.class, intakeKey)) {
            ObjectNode message = (ObjectNode) json.readTree(payload);
            ((ObjectNode) message.get("envelope")).remove(List.of("messageId", "receivedAt"));
            records.add(message);
        }
        return records;
    }

    private void checkFileCase(String system, TransportSpec transport, Path dataFile) throws Exception {
        String caseName = dataFile.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        JsonNode expected = json.readTree(dataFile.resolveSibling(caseName + ".expected.json").toFile());
        byte[] data = Files.readAllBytes(dataFile);
        String fileName = TestFiles.name(system, transport.extension());
        if (caseName.endsWith("_FULL")) {
            fileName = fileName.replace("." + transport.extension(), "_FULL." + transport.extension());
        }
        Path ownDoneFile = dataFile.resolveSibling(caseName + ".ok");
        String doneFile = Files.exists(ownDoneFile) ? Files.readString(ownDoneFile, StandardCharsets.UTF_8)
                : PartnerSftp.doneFile(data, expected.path("receipt").path("records").asLong());

        JsonNode receipt;
        try (PartnerSftp partner = new PartnerSftp(OWN.dataDir(), transport.account(), OWN.sftpPort())) {
            partner.send(fileName, data, doneFile);
            receipt = json.readTree(partner.awaitReceipt(fileName));
        }

        ObjectNode actual = json.createObjectNode();
        actual.set("receipt", withoutVolatileFields(receipt));
        actual.set("records", storedRecords(receipt.get("sha256").asText(), fileName));
        if (!actual.equals(expected)) {
            Path written = ACTUAL.resolve(system.toLowerCase()).resolve(caseName + ".expected.json");
            Files.createDirectories(written.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), actual);
        }
        assertThat(actual.get("receipt")).as("receipt of " + dataFile).isEqualTo(expected.get("receipt"));
        assertThat(actual.get("records")).as("canonical records of " + dataFile).isEqualTo(expected.path("records"));
    }

    private JsonNode withoutVolatileFields(JsonNode receipt) {
        ObjectNode copy = receipt.deepCopy();
        copy.remove(List.of("file", "sha256", "receivedAt"));
        return copy;
    }

    private ArrayNode storedRecords(String sha256, String fileName) throws IOException {
        ArrayNode records = json.createArrayNode();
        List<String> payloads = jdbc.queryForList("SELECT m.message::text FROM source_message m "
                + "JOIN intake_file f ON f.id = m.intake_file_id WHERE f.sha256 = ? AND f.file_name = ? "
                + "ORDER BY m.record_no", String.class, sha256, fileName);
        for (String payload : payloads) {
            ObjectNode message = (ObjectNode) json.readTree(payload);
            ObjectNode envelope = (ObjectNode) message.get("envelope");
            envelope.remove(List.of("messageId", "receivedAt"));
            ((ObjectNode) envelope.get("sourceReference")).remove("file");
            records.add(message);
        }
        return records;
    }
}
