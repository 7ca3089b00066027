package cn.canbao.hub.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.PartnerJms;
import cn.canbao.hub.support.TestEvents;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Participation events over the real broker (spec §5): receipts, once-only effect, rejections. */
class SchemeEventIntakeTest extends HubIntegrationTest {

    private static final String EVENTS = "canbao.in.pension.events";
    private static final String RECEIPTS = "canbao.out.pension.receipts";

    @Autowired
    JdbcTemplate jdbc;

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
        pension.send(EVENTS, TestEvents.pension(eventId, "PAYMENT", person), "first-" + eventId);
        assertThat(receiptFor("first-" + eventId).get("status").asText()).isEqualTo("ACCEPTED");

        pension.send(EVENTS, TestEvents.pension(eventId, "PAYMENT", person), "second-" + eventId);

        assertThat(receiptFor("second-" + eventId).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_record WHERE id_number = ?", Long.class, person))
                .isEqualTo(1);
    }

    @Test
    void rejectsAnEventOfUnknownTypeAndStoresNothingInTheRegistry() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1982, true);

        pension.send(EVENTS, TestEvents.pension(eventId, "RETIRE", person), eventId);
        JsonNode receipt = receiptFor(eventId);

        assertThat(receipt.get("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.at("/errors/0/code").asText()).isEqualTo("EVENT_TYPE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_record WHERE id_number = ?", Long.class, person))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key = ?", Long.class,
                "event:" + eventId)).isEqualTo(1);
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
