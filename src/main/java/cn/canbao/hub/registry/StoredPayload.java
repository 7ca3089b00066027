package cn.canbao.hub.registry;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.Envelope;
import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.model.SourceReference;
import java.time.OffsetDateTime;

/**
 * What {@code source_record.payload} holds: the canonical message without the envelope fields the row's own
 * columns already say — message id, source system, time received, operation and, for a file's record, the file
 * and record number. They made up 40 % of a file record's payload, and PostgreSQL's share of an ingest grows with
 * every byte it stores (docs/performance.md, "Ingest"). The view {@code source_message} puts them back. The
 * source's own time stays in the payload and is also a column, {@code occurred_at}, by which a refresh orders the
 * records without parsing them (V20).
 */
final class StoredPayload {

    private StoredPayload() {
    }

    static byte[] bytes(PersonInsuranceMessage message) {
        return CanonicalJson.writeBytes(withoutRowFields(message));
    }

    static String json(PersonInsuranceMessage message) {
        return CanonicalJson.write(withoutRowFields(message));
    }

    /** The source's own time for column {@code occurred_at} (the payload keeps it too), or null. */
    static String occurredAt(PersonInsuranceMessage message) {
        OffsetDateTime occurredAt = message.envelope().occurredAt();
        return occurredAt == null ? null : occurredAt.toString();
    }

    private static PersonInsuranceMessage withoutRowFields(PersonInsuranceMessage message) {
        Envelope envelope = message.envelope();
        SourceReference reference = envelope.sourceReference();
        SourceReference notInColumns = reference == null || reference.file() != null ? null : reference;
        Envelope stored = new Envelope(null, envelope.schemaVersion(), null, notInColumns, null, null,
                envelope.eventType(), envelope.occurredAt());
        return new PersonInsuranceMessage(stored, message.person(), message.participations(), message.facts(),
                message.warnings());
    }
}
