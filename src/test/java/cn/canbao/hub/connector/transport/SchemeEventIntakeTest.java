package cn.canbao.hub.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.registry.RegistryRefresh;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.PartnerJms;
import cn.canbao.hub.support.TestEvents;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.TextMessage;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Participation events over the real broker (spec §5): receipts, once-only effect, rejections, and each type's
 * effect on the participation as the registry holds it.
 */
class SchemeEventIntakeTest extends HubIntegrationTest {

    private static final String EVENTS = "canbao.in.pension.events";
    private static final String RECEIPTS = "canbao.out.pension.receipts";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegistryRefresh refresh;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EventIntake intake;

    private final ObjectMapper json = new ObjectMapper();
    private PartnerJms pension;

    @BeforeEach
    void connect() throws Exception {
        pension = new PartnerJms(DATA_DIR, "pension", BROKER_PORT);
    }

    @AfterEach
    void disconnect() throws Exception {
        pension.close();
    }

    private JsonNode receiptFor(String correlationId) throws Exception {
        TextMessage receipt = pension.receive(RECEIPTS, correlationId, 30_000);
        assertThat(receipt).as("receipt for " + correlationId).isNotNull();
        return json.readTree(receipt.getText());
    }

    /** Sends a PENSION event of {@code type} under {@code correlationId} and gives its receipt's status. */
    private String statusOf(String eventId, String type, String person, String correlationId) throws Exception {
        pension.send(EVENTS, TestEvents.pension(eventId, type, person), correlationId);
        return receiptFor(correlationId).get("status").asText();
    }

    private long recordsOf(String person) {
        return jdbc.queryForObject("SELECT count(*) FROM source_record WHERE id_number = ?", Long.class, person);
    }

    @Test
    void acceptsAnEnrolmentAndAnswersWithTheCorrelationId() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1980, true);

        pension.send(EVENTS, TestEvents.pension(eventId, "ENROLL", person), "corr-" + eventId);
        JsonNode receipt = receiptFor("corr-" + eventId);

        assertThat(receipt.get("eventId").asText()).isEqualTo(eventId);
        assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.get("errors")).isEmpty();
        JsonNode stored = json.readTree(jdbc.queryForObject(
                "SELECT message::text FROM source_message WHERE intake_key = ?", String.class, "event:" + eventId));
        assertThat(stored.at("/envelope/operation").asText()).isEqualTo("EVENT");
        assertThat(stored.at("/envelope/eventType").asText()).isEqualTo("ENROLL");
        assertThat(stored.at("/person/idNumber").asText()).isEqualTo(person);
        assertThat(stored.at("/participations/0/scheme").asText()).isEqualTo("110");
    }

    @Test
    void takesEffectOnceWhenTheSameEventComesTwice() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1981, true);
        assertThat(statusOf(eventId, "PAYMENT", person, "first-" + eventId)).isEqualTo("ACCEPTED");

        String second = statusOf(eventId, "PAYMENT", person, "second-" + eventId);

        assertThat(second).isEqualTo("DUPLICATE");
        assertThat(recordsOf(person)).isEqualTo(1);
    }

    /**
     * A crash can take the broker's redelivery mark with it (the delivery count not yet written when the hub died
     * between its database commit and the session's): the same message back, unmarked, still gets the answer stored
     * for it, and only another message with that eventId is a DUPLICATE. Handed to the intake directly, since no
     * broker delivers a message again unmarked on purpose; EventBurstCrashTest hits it through a crash.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"ENROLL, ACCEPTED", "RETIRE, REJECTED"})
    void answersTheSameMessageBackWithItsStoredAnswerEvenWhenItIsNotMarkedAsARedelivery(String type, String status)
            throws Exception {
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1986, true);
        TextMessage event = pension.textMessage(TestEvents.pension(eventId, type, person));
        event.setJMSMessageID("ID:" + UUID.randomUUID());
        TextMessage sentAgain = pension.textMessage(TestEvents.pension(eventId, type, person));
        sentAgain.setJMSMessageID("ID:" + UUID.randomUUID());

        String first = intake.receive("PENSION", event, new HashMap<>());
        String back = intake.receive("PENSION", event, new HashMap<>());
        String other = intake.receive("PENSION", sentAgain, new HashMap<>());

        assertThat(event.getJMSRedelivered()).isFalse();
        assertThat(json.readTree(first).get("status").asText()).isEqualTo(status);
        assertThat(json.readTree(back)).isEqualTo(json.readTree(first));
        assertThat(json.readTree(other).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(recordsOf(person)).isEqualTo(status.equals("ACCEPTED") ? 1 : 0);
    }

    @Test
    void countsTheEventsItAnswersBySchemeSystemAndStatus() throws Exception {
        Map<String, Double> before = answeredByStatus();
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1989, true);

        assertThat(statusOf(eventId, "ENROLL", person, "first-" + eventId)).isEqualTo("ACCEPTED");
        assertThat(statusOf(eventId, "ENROLL", person, "second-" + eventId)).isEqualTo("DUPLICATE");
        String rejected = UUID.randomUUID().toString();
        assertThat(statusOf(rejected, "RETIRE", person, rejected)).isEqualTo("REJECTED");

        Map<String, Double> after = answeredByStatus();
        assertThat(after.keySet()).allSatisfy(status -> assertThat(after.get(status) - before.get(status))
                .as(status).isEqualTo(1.0));
    }

    private Map<String, Double> answeredByStatus() {
        return Map.of("ACCEPTED", answered("ACCEPTED"), "DUPLICATE", answered("DUPLICATE"),
                "REJECTED", answered("REJECTED"));
    }

    private double answered(String status) {
        Counter counter = meters.find("canbao.intake.events").tags("system", "PENSION", "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void answersAKnownEventIdSentAgainAsADuplicateEvenWhenItsRecordNoLongerPasses() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1987, true);
        assertThat(statusOf(eventId, "ENROLL", person, "first-" + eventId)).isEqualTo("ACCEPTED");

        String second = statusOf(eventId, "RETIRE", person, "second-" + eventId);

        assertThat(second).isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key = ?", Long.class,
                "event:" + eventId)).isZero();
        assertThat(recordsOf(person)).isEqualTo(1);
    }

    @Test
    void answersARejectedEventIdSentAgainAsADuplicate() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1988, false);
        assertThat(statusOf(eventId, "RETIRE", person, "first-" + eventId)).isEqualTo("REJECTED");

        String second = statusOf(eventId, "ENROLL", person, "second-" + eventId);

        assertThat(second).isEqualTo("DUPLICATE");
        assertThat(recordsOf(person)).isZero();
    }

    @Test
    void rejectsAnEventOfUnknownTypeAndStoresNothingInTheRegistry() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1982, true);

        pension.send(EVENTS, TestEvents.pension(eventId, "RETIRE", person), eventId);
        JsonNode receipt = receiptFor(eventId);

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("EVENT_TYPE");
        assertThat(recordsOf(person)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key = ?", Long.class,
                "event:" + eventId)).isEqualTo(1);
    }

    /** A PENSION event of the person's scheme 110 in 630102 at {@code occurredAt}, with the record's fields changed. */
    private String event(String type, String person, String occurredAt, String... fields) throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(TestEvents.pension(UUID.randomUUID().toString(), type, person));
        event.put("occurredAt", occurredAt);
        for (int i = 0; i < fields.length; i += 2) {
            ((ObjectNode) event.get("record")).put(fields[i], fields[i + 1]);
        }
        return event.toString();
    }

    private void sendAndRefresh(String event) throws Exception {
        String eventId = json.readTree(event).get("eventId").asText();
        pension.send(EVENTS, event, eventId);
        assertThat(receiptFor(eventId).get("status").asText()).isEqualTo("ACCEPTED");
        refresh.refresh();
    }

    private Map<String, Object> participationOf(String person) {
        return jdbc.queryForMap("SELECT contribution_status, end_date, last_paid_month FROM registry_participation "
                + "WHERE id_number = ? AND system = 'PENSION' AND scheme = '110'", person);
    }

    @Test
    void givesEachEventTypeItsEffectOnTheParticipationTheRegistryHolds() throws Exception {
        String person = TestIds.next("630102", 1984, true);

        sendAndRefresh(event("ENROLL", person, "2017-09-01T09:00:00+08:00", "AAC031", "", "AAE042", "201709"));
        assertThat(participationOf(person)).containsEntry("contribution_status", "1").containsEntry("end_date", null)
                .containsEntry("last_paid_month", Date.valueOf(LocalDate.of(2017, 9, 1)));

        sendAndRefresh(event("SUSPEND", person, "2017-09-20T09:00:00+08:00", "AAC031", ""));
        assertThat(participationOf(person)).containsEntry("contribution_status", "2");

        sendAndRefresh(event("RESUME", person, "2017-10-02T09:00:00+08:00", "AAC031", "1"));
        assertThat(participationOf(person)).containsEntry("contribution_status", "1");

        sendAndRefresh(event("PAYMENT", person, "2017-11-03T09:00:00+08:00", "AAC031", "", "AAE042", ""));
        assertThat(participationOf(person)).containsEntry("contribution_status", "1")
                .containsEntry("last_paid_month", Date.valueOf(LocalDate.of(2017, 11, 1)));

        // an event that happened before the latest one but arrives after it does not override it
        sendAndRefresh(event("SUSPEND", person, "2017-10-20T09:00:00+08:00", "AAC031", "2"));
        assertThat(participationOf(person)).containsEntry("contribution_status", "1");

        sendAndRefresh(event("TRANSFER_OUT", person, "2017-11-20T16:00:00+08:00", "AAC031", "", "AAE042", "201711"));
        assertThat(participationOf(person)).containsEntry("contribution_status", "3")
                .containsEntry("end_date", Date.valueOf(LocalDate.of(2017, 11, 20)));
    }

    @Test
    void endsAParticipationOnTheDateATerminationStates() throws Exception {
        String person = TestIds.next("630102", 1985, false);

        sendAndRefresh(event("TERMINATE", person, "2017-10-15T09:30:00+08:00", "AAC031", "3", "AAE031", "20170930"));

        assertThat(participationOf(person)).containsEntry("contribution_status", "3")
                .containsEntry("end_date", Date.valueOf(LocalDate.of(2017, 9, 30)));
    }

    @Test
    void rejectsAnEventWhoseRecordContradictsItsTypeAndLeavesTheRegistryAsItWas() throws Exception {
        String person = TestIds.next("630102", 1986, true);
        sendAndRefresh(event("ENROLL", person, "2017-09-01T09:00:00+08:00"));
        String contradicting = event("TERMINATE", person, "2017-10-01T09:00:00+08:00", "AAC031", "1");
        String eventId = json.readTree(contradicting).get("eventId").asText();

        pension.send(EVENTS, contradicting, eventId);
        JsonNode receipt = receiptFor(eventId);
        refresh.refresh();

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("EVENT_TYPE_CONFLICT");
        assertThat(receipt.at("/errors/0/field").asText()).isEqualTo("AAC031");
        assertThat(participationOf(person)).containsEntry("contribution_status", "1");
    }

    @Test
    void rejectsInvalidJsonWithARecordSyntaxReceipt() throws Exception {
        String correlationId = UUID.randomUUID().toString();

        pension.send(EVENTS, "{\"eventId\": \"x\", \"record\": {", correlationId);
        JsonNode receipt = receiptFor(correlationId);

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("RECORD_SYNTAX");
    }

    @Test
    void rejectsAnEventWhoseRecordFailsValidation() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String wrong = TestIds.withWrongCheckCharacter(TestIds.next("630102", 1983, true));

        pension.send(EVENTS, TestEvents.pension(eventId, "ENROLL", wrong), eventId);
        JsonNode receipt = receiptFor(eventId);

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/field").asText()).isEqualTo("AAC002");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("ID_CHECKSUM");
    }
}
