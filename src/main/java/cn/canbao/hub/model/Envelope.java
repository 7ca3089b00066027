package cn.canbao.hub.model;

import java.time.OffsetDateTime;

/**
 * Where a canonical message came from and what it asks the registry to do. {@code occurredAt} is when the
 * change happened at the source, where the source says so (an event's occurredAt, a front-database row's
 * op_time); it orders statements about one person that arrive out of order. Null for file records.
 */
public record Envelope(
        String messageId,
        String schemaVersion,
        String sourceSystem,
        SourceReference sourceReference,
        OffsetDateTime receivedAt,
        Operation operation,
        String eventType,
        OffsetDateTime occurredAt) {

    /** An envelope without a source time, as file records have. */
    public Envelope(
            String messageId,
            String schemaVersion,
            String sourceSystem,
            SourceReference sourceReference,
            OffsetDateTime receivedAt,
            Operation operation,
            String eventType) {
        this(messageId, schemaVersion, sourceSystem, sourceReference, receivedAt, operation, eventType, null);
    }
}
