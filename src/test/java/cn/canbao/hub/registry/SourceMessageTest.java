package cn.canbao.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.Envelope;
import cn.canbao.hub.model.Facts;
import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Participation;
import cn.canbao.hub.model.Person;
import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.support.CanonicalSchema;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A source record stores its message without the envelope fields its columns hold, and the view source_message
 * gives the whole message back, as the mapper produced it.
 */
class SourceMessageTest extends HubIntegrationTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2017-10-15T08:00:03.250+08:00");

    @Autowired
    IntakeStore intake;
    @Autowired
    EventWriter events;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFileRecordIsStoredWithoutWhatItsRowSaysAndReadWhole() throws Exception {
        String id = TestIds.next("630104", 1970, true);
        String sha256 = UUID.randomUUID().toString().replace("-", "").repeat(2);
        String fileName = "PENSION_630000_20171015_001.txt";
        PersonInsuranceMessage sent = message(id, new Envelope(sha256 + ":7", "1", "PENSION",
                SourceReference.ofFile(fileName, 7), RECEIVED, Operation.UPDATE, null));
        long fileId;
        try (FileTransaction batch = intake.openFile("PENSION", fileName, sha256, "INCREMENT", RECEIVED)) {
            batch.accept(7, id, id + "|110|630104", sent);
            batch.commit("ACCEPTED", ".done", 1, 1, 0, "{}");
            fileId = batch.fileId();
        }

        String stored = jdbc.queryForObject("SELECT payload::text FROM source_record WHERE intake_file_id = ?",
                String.class, fileId);
        assertThat(CanonicalJson.read(stored).envelope()).isEqualTo(new Envelope(null, "1", null, null, null, null,
                null));
        assertSameMessage(readWhole("intake_file_id = ?", fileId), sent);
    }

    @Test
    void anEventKeepsItsEventReferenceAndTimeAndGetsTheRestFromItsRow() {
        String id = TestIds.next("630104", 1971, false);
        String eventId = UUID.randomUUID().toString();
        OffsetDateTime occurred = RECEIVED.minusHours(3);
        PersonInsuranceMessage sent = message(id, new Envelope("event:" + eventId, "1", "PENSION",
                SourceReference.ofEvent(eventId), RECEIVED, Operation.EVENT, "PAYMENT", occurred));

        assertThat(events.accept("PENSION", eventId, "ID:" + eventId, id, id + "|110|630104", sent, RECEIVED, "{}"))
                .isTrue();

        String stored = jdbc.queryForObject("SELECT payload::text FROM source_record WHERE intake_key = ?",
                String.class, "event:" + eventId);
        assertThat(CanonicalJson.read(stored).envelope()).isEqualTo(new Envelope(null, "1", null,
                SourceReference.ofEvent(eventId), null, null, "PAYMENT", occurred));
        assertSameMessage(readWhole("intake_key = ?", "event:" + eventId), sent);
    }

    @Test
    void aRecordStoredWithItsWholeEnvelopeBeforehandReadsTheSame() {
        String id = TestIds.next("630104", 1972, true);
        long recordId = new SourceRecords(jdbc).card(id, "王五");
        String stored = jdbc.queryForObject("SELECT payload::text FROM source_record WHERE id = ?", String.class,
                recordId);

        PersonInsuranceMessage whole = readWhole("source_record_id = ?", recordId);

        PersonInsuranceMessage asStored = CanonicalJson.read(stored);
        assertThat(whole.envelope().sourceReference()).isEqualTo(asStored.envelope().sourceReference());
        assertThat(whole.envelope().receivedAt()).isEqualTo(asStored.envelope().receivedAt());
        assertThat(whole.person()).isEqualTo(asStored.person());
        assertThat(whole.facts()).isEqualTo(asStored.facts());
    }

    /** The view's message, which must be a valid canonical message. */
    private PersonInsuranceMessage readWhole(String where, Object key) {
        String message = jdbc.queryForObject("SELECT message::text FROM source_message WHERE " + where,
                String.class, key);
        try {
            assertThat(CanonicalSchema.SCHEMA.validate(CanonicalJson.mapper().readTree(message))).isEmpty();
        } catch (JsonProcessingException e) {
            throw new AssertionError("the view gives no JSON: " + message, e);
        }
        return CanonicalJson.read(message);
    }

    /** The same message; the time received may come back in the database session's offset. */
    private static void assertSameMessage(PersonInsuranceMessage read, PersonInsuranceMessage sent) {
        Envelope envelope = read.envelope();
        assertThat(envelope.receivedAt()).isAtSameInstantAs(sent.envelope().receivedAt());
        assertThat(new PersonInsuranceMessage(new Envelope(envelope.messageId(), envelope.schemaVersion(),
                envelope.sourceSystem(), envelope.sourceReference(), sent.envelope().receivedAt(),
                envelope.operation(), envelope.eventType(), envelope.occurredAt()), read.person(),
                read.participations(), read.facts(), read.warnings())).isEqualTo(sent);
    }

    private static PersonInsuranceMessage message(String id, Envelope envelope) {
        Person person = new Person(id, IdNumberOrigin.AS_GIVEN, null, "赵六", null, SourceRecords.sexOf(id), "01",
                SourceRecords.birthOf(id), null, null, null, null, null, null);
        Participation pension = new Participation("110", "630104", "91630100MA000000X1", "某某公司", "1", "1",
                LocalDate.of(2010, 1, 1), null, YearMonth.of(2017, 9));
        return new PersonInsuranceMessage(envelope, person, List.of(pension), Facts.NONE, List.of());
    }
}
