package cn.canbao.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
 */
class ConnectorContractTest extends HubIntegrationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @Autowired
    ConnectorCatalog catalog;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

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
        try (PartnerSftp partner = new PartnerSftp(DATA_DIR, transport.account(), SFTP_PORT)) {
            partner.send(fileName, data, doneFile);
            receipt = json.readTree(partner.awaitReceipt(fileName));
        }

        assertThat(withoutVolatileFields(receipt)).as("receipt of " + dataFile)
                .isEqualTo(expected.get("receipt"));
        assertThat(storedRecords(receipt.get("sha256").asText(), fileName)).as("canonical records of " + dataFile)
                .isEqualTo(expected.path("records"));
    }

    private JsonNode withoutVolatileFields(JsonNode receipt) {
        ObjectNode copy = receipt.deepCopy();
        copy.remove(List.of("file", "sha256", "receivedAt"));
        return copy;
    }

    private ArrayNode storedRecords(String sha256, String fileName) throws IOException {
        ArrayNode records = json.createArrayNode();
        List<String> payloads = jdbc.queryForList("SELECT r.payload::text FROM source_record r "
                + "JOIN intake_file f ON f.id = r.intake_file_id WHERE f.sha256 = ? AND f.file_name = ? "
                + "ORDER BY r.record_no", String.class, sha256, fileName);
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
