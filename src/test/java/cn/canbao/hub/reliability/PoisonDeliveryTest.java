package cn.canbao.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.embedded.EmbeddedFrontDatabase;
import cn.canbao.hub.embedded.broker.BrokerUsers;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.PartnerJms;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.TestEvents;
import cn.canbao.hub.support.TestFiles;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.TextMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deliveries that always fail — whatever the cause — are answered after bounded attempts, never hold back the
 * deliveries behind them, and are taken in by an operator's replay once the hub is corrected. A hub fault is made
 * real, not mocked: the registry refuses the records of chosen persons with a trigger, as a constraint the hub did
 * not foresee would; the correction takes the person off the trigger's list.
 */
@Tag("reliability")
class PoisonDeliveryTest extends HubIntegrationTest {

    private static final Charset GBK = Charset.forName("GB18030");
    private static final String CARD_HEADER =
            "id_number,name,sex,ethnicity,birth_date,card_no,issue_region,card_status,issue_date\n";
    private static final String EVENTS = "canbao.in.pension.events";
    private static final String RECEIPTS = "canbao.out.pension.receipts";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L + 2_000_000_000L);

    @Autowired
    JdbcTemplate registry;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    BrokerUsers brokerUsers;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private PartnerJms pension;

    @BeforeAll
    static void registryRefusesChosenPersons(@Autowired JdbcTemplate registry) {
        registry.execute("CREATE TABLE IF NOT EXISTS test_refused_person (id_number TEXT PRIMARY KEY)");
        registry.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_person() RETURNS trigger AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM test_refused_person WHERE id_number = NEW.id_number) THEN
                        RAISE EXCEPTION 'the registry refuses this person (a fault the hub did not foresee)';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        registry.execute("CREATE TRIGGER test_refuse_person BEFORE INSERT ON source_record FOR EACH ROW "
                + "EXECUTE FUNCTION test_refuse_person()");
    }

    @AfterAll
    static void registryRefusesNobody(@Autowired JdbcTemplate registry) {
        registry.execute("DROP TRIGGER test_refuse_person ON source_record");
        registry.execute("DROP FUNCTION test_refuse_person()");
        registry.execute("DROP TABLE test_refused_person");
    }

    @BeforeEach
    void connect() throws Exception {
        pension = new PartnerJms(DATA_DIR, "pension", BROKER_PORT);
    }

    @AfterEach
    void disconnect() throws Exception {
        pension.close();
    }

    private ApiClient operator() throws Exception {
        return ApiClient.as("operator", DATA_DIR, port);
    }

    /** The hub is corrected: the registry takes the person after all. */
    private void correctTheHub(String person) {
        registry.update("DELETE FROM test_refused_person WHERE id_number = ?", person);
    }

    private String refusedPerson(int birthYear) {
        String person = TestIds.next("630102", birthYear, true);
        registry.update("INSERT INTO test_refused_person VALUES (?)", person);
        return person;
    }

    private static byte[] cardFile(String... persons) {
        StringBuilder file = new StringBuilder(CARD_HEADER);
        for (String person : persons) {
            file.append(person).append(",张三,1,01,").append(person, 6, 14).append(",C").append(person, 10, 17)
                    .append(",630102,1,20150301\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] policeFile(String person) {
        return ("""
                <?xml version="1.0" encoding="GBK"?>
                <PopulationExchange sender="630000" date="20171015" count="1">
                  <Person op="ADD"><GMSFHM>%s</GMSFHM><XM>马有福</XM><XB>1</XB><MZ>03</MZ><CSRQ>%s</CSRQ>
                    <RYLB>1</RYLB><HJXZQH>630102001</HJXZQH><JZXZQH>630102001</JZXZQH><HJDZ>城中区</HJDZ>
                    <RYZT>0</RYZT><BDRQ>20170930</BDRQ></Person>
                </PopulationExchange>
                """).formatted(person, person.substring(6, 14)).getBytes(GBK);
    }

    private JsonNode eventReceipt(String correlationId) throws Exception {
        TextMessage receipt = pension.receive(RECEIPTS, correlationId, 60_000);
        assertThat(receipt).as("receipt for " + correlationId).isNotNull();
        return json.readTree(receipt.getText());
    }

    @Test
    void storesTheReceiptOfACsvWhoseHeaderHoldsANulByte() throws Exception {
        try (PartnerSftp card = new PartnerSftp(DATA_DIR, "card", SFTP_PORT)) {
            String file = TestFiles.name("CARD", "csv");
            byte[] data = ("id_\0number" + new String(cardFile(TestIds.next("630102", 1970, true)),
                    StandardCharsets.UTF_8).substring("id_number".length())).getBytes(StandardCharsets.UTF_8);

            card.send(file, data, 1);
            JsonNode receipt = json.readTree(card.awaitReceipt(file));

            assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
            assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("FILE_FORMAT");
            assertThat(registry.queryForObject("SELECT receipt->'errors'->0->>'message' FROM intake_file "
                    + "WHERE file_name = ?", String.class, file)).contains("id_\\u0000number");
        }
    }

    @Test
    void answersAPoliceFileCutShortAndTakesTheFilesBehindIt() throws Exception {
        try (PartnerSftp police = new PartnerSftp(DATA_DIR, "police", SFTP_PORT)) {
            String cut = TestFiles.name("POLICE", "xml");
            String good = TestFiles.name("POLICE", "xml");

            police.send(cut, "<".getBytes(StandardCharsets.US_ASCII), 1);
            police.send(good, policeFile(TestIds.next("630102", 1971, true)), 1);

            assertThat(json.readTree(police.awaitReceipt(good)).get("status").asText()).isEqualTo("ACCEPTED");
            JsonNode receipt = json.readTree(police.awaitReceipt(cut));
            assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
            assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("FILE_FORMAT");
        }
    }

    @Test
    void answersAFileTheHubAlwaysFailsOnWithHubFaultWhileTheFilesBehindItGoFirst() throws Exception {
        try (PartnerSftp card = new PartnerSftp(DATA_DIR, "card", SFTP_PORT)) {
            String poison = TestFiles.name("CARD", "csv");
            String good = TestFiles.name("CARD", "csv");
            String goodPerson = TestIds.next("630102", 1972, false);
            String refused = refusedPerson(1972);

            card.send(poison, cardFile(TestIds.next("630102", 1972, true), refused), 2);
            card.send(good, cardFile(goodPerson), 1);

            assertThat(json.readTree(card.awaitReceipt(good)).get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(card.exists("receipt/" + poison + ".receipt.json")).as("answered before the good file").isFalse();
            JsonNode receipt = json.readTree(card.awaitReceipt(poison, Duration.ofSeconds(90)));
            assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
            assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("HUB_FAULT");
            assertThat(receipt.at("/errors/0/record").asLong()).isZero();
            assertThat(card.list("in/.error")).contains(poison, poison + ".ok");
            assertThat(registry.queryForObject("SELECT count(*) FROM delivery_attempt WHERE delivery LIKE ?",
                    Long.class, "%" + poison)).isZero();

            correctTheHub(refused);
            JsonNode listed = json.readTree(operator().get("/api/v1/deliveries/hub-faults").body());
            String id = findKey(listed, "FILE", poison);
            assertThat(operator().postJson("/api/v1/deliveries/files/" + id + "/replay", "").statusCode())
                    .isEqualTo(202);
            JsonNode replayed = json.readTree(card.awaitReceipt(poison));
            assertThat(replayed.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(replayed.get("accepted").asLong()).isEqualTo(2);
        }
    }

    /** The key of a delivery answered HUB_FAULT, as the operators' list names it. */
    private static String findKey(JsonNode hubFaults, String kind, String name) {
        for (JsonNode fault : hubFaults) {
            if (fault.get("kind").asText().equals(kind) && fault.get("name").asText().contains(name)) {
                return fault.get("key").asText();
            }
        }
        throw new AssertionError(kind + " " + name + " is not listed among " + hubFaults);
    }

    @Test
    void answersAnEventTheHubAlwaysFailsOnWithHubFaultWhileTheEventsBehindItGoFirst() throws Exception {
        String poison = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        String refused = refusedPerson(1973);

        pension.send(EVENTS, TestEvents.pension(poison, "ENROLL", refused), poison);
        pension.send(EVENTS, TestEvents.pension(good, "ENROLL", TestIds.next("630102", 1973, false)), good);

        assertThat(eventReceipt(good).get("status").asText()).isEqualTo("ACCEPTED");
        JsonNode receipt = eventReceipt(poison);
        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("HUB_FAULT");
        assertThat(registry.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key = ?", Long.class,
                "event:" + poison)).isEqualTo(1);

        correctTheHub(refused);
        assertThat(findKey(json.readTree(operator().get("/api/v1/deliveries/hub-faults").body()), "EVENT", poison))
                .isEqualTo(poison);
        assertThat(operator().postJson("/api/v1/deliveries/events/" + poison + "/replay", "").statusCode())
                .isEqualTo(202);
        assertThat(eventReceipt(poison).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(registry.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key = ?", Long.class,
                "event:" + poison)).isZero();
        assertThat(registry.queryForObject("SELECT count(*) FROM source_record WHERE intake_key = ?", Long.class,
                "event:" + poison)).isEqualTo(1);
    }

    @Test
    void deadLettersAMessageTheJmsClientCannotDecodeAndTakesTheEventsBehindIt() throws Exception {
        long deadLettersBefore = deadLetters();
        String good = UUID.randomUUID().toString();

        sendTextMessageWithoutAString("pension", EVENTS, 1000);
        sendTextMessageWithoutAString("pension", EVENTS, -5);
        pension.send(EVENTS, TestEvents.pension(good, "ENROLL", TestIds.next("630102", 1974, true)), good);

        assertThat(eventReceipt(good).get("status").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters() == deadLettersBefore + 2);

        var replay = operator().postJson("/api/v1/deliveries/dead-letters/pension/replay", "");
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(json.readTree(replay.body()).get("replayed").asLong()).isEqualTo(deadLettersBefore + 2);
        assertThat(deadLetters()).isLessThanOrEqualTo(deadLettersBefore);
    }

    @Test
    void rejectsAnEventWhoseEventIdIsNotAString() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        String event = TestEvents.pension("x", "ENROLL", TestIds.next("630102", 1978, true))
                .replace("\"eventId\": \"x\"", "\"eventId\": 42");

        pension.send(EVENTS, event, correlationId);
        JsonNode receipt = eventReceipt(correlationId);

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/field").asText()).isEqualTo("eventId");
    }

    @Test
    void answersAFileWhoseNameIsTooLongForItsReceiptUnderAShortenedName() throws Exception {
        try (PartnerSftp injury = new PartnerSftp(DATA_DIR, "injury", SFTP_PORT)) {
            String file = "INJURY_630000_20170101_050_" + "x".repeat(210) + ".jsonl";

            injury.send(file, "{}\n".getBytes(StandardCharsets.UTF_8), 1);
            JsonNode answer = json.readTree(injury.awaitReceipt(file));

            assertThat(PartnerSftp.receiptPath(file)).contains("~");
            assertThat(answer.get("status").asText()).isEqualTo("REJECTED");
            assertThat(answer.at("/errors/0/code").asText()).isEqualTo("FILE_NAME");
            assertThat(injury.list("in/.error")).contains(file);
        }
    }

    @Test
    void rejectsAnEventThatIsNotATextMessage() throws Exception {
        String correlationId = UUID.randomUUID().toString();

        pension.sendBytes(EVENTS, TestEvents.pension(correlationId, "ENROLL", TestIds.next("630102", 1975, true))
                .getBytes(StandardCharsets.UTF_8), correlationId);
        JsonNode receipt = eventReceipt(correlationId);

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("RECORD_SYNTAX");
        assertThat(receipt.at("/errors/0/message").asText()).contains("BytesMessage");
    }

    @Test
    void rejectsAnEventWhoseFieldHoldsANul() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1976, true);

        pension.send(EVENTS, TestEvents.pension(eventId, "ENROLL", person).replace("某某公司", "某某\\u0000公司"), eventId);
        JsonNode receipt = eventReceipt(eventId);

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("RECORD_SYNTAX");
        assertThat(receipt.at("/errors/0/field").asText()).isEqualTo("AAB004");
    }

    @Test
    void answersAFrontDatabaseRowTheHubAlwaysFailsOnWithHubFaultWhileTheRowsBehindItGoOn() throws Exception {
        JdbcTemplate civilAffairs = new JdbcTemplate(postgres.getDatabase("postgres", EmbeddedFrontDatabase.DATABASE));
        String refused = refusedPerson(1977);
        long poison = insertRow(civilAffairs, refused);
        long good = insertRow(civilAffairs, TestIds.next("630102", 1977, false));

        await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(syncStatus(civilAffairs, good)));
        assertThat(syncStatus(civilAffairs, poison)).isEqualTo("0");
        await().atMost(Duration.ofSeconds(90)).until(() -> "9".equals(syncStatus(civilAffairs, poison)));
        assertThat(civilAffairs.queryForObject("SELECT sync_msg FROM mz_jzdx_exchange WHERE seq = ?", String.class,
                poison)).startsWith("HUB_FAULT");

        correctTheHub(refused);
        assertThat(operator().postJson("/api/v1/deliveries/rows/civil/" + poison + "/replay", "").statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(syncStatus(civilAffairs, poison)));
    }

    private static long insertRow(JdbcTemplate civilAffairs, String person) {
        long seq = SEQ.incrementAndGet();
        civilAffairs.update("INSERT INTO mz_jzdx_exchange (seq, id_number, name, category, region, valid_from, "
                + "valid_to, op, op_time) VALUES (?, ?, '王芳', '02', '630102001', DATE '2017-01-01', NULL, 'I', "
                + "TIMESTAMP '2017-10-15 09:00:00')", seq, person);
        return seq;
    }

    private static String syncStatus(JdbcTemplate civilAffairs, long seq) {
        return civilAffairs.queryForObject("SELECT sync_status FROM mz_jzdx_exchange WHERE seq = ?", String.class, seq);
    }

    private long deadLetters() {
        return broker.getActiveMQServer().locateQueue("DLQ." + EVENTS).getMessageCount();
    }

    /**
     * A core TEXT message whose body announces a string of the given length and holds none: the JMS client fails to
     * decode it (IndexOutOfBoundsException; NegativeArraySizeException for a negative length).
     */
    private void sendTextMessageWithoutAString(String account, String queue, int length) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + BROKER_PORT);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(account, brokerUsers.password(account), false, true,
                     true, false, 0);
             ClientProducer producer = session.createProducer(queue)) {
            ClientMessage message = session.createMessage(Message.TEXT_TYPE, true);
            message.getBodyBuffer().writeByte((byte) 1);
            message.getBodyBuffer().writeInt(length);
            producer.send(message);
        }
    }
}
