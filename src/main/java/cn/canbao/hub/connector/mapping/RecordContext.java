package cn.canbao.hub.connector.mapping;

import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.SourceReference;
import java.time.OffsetDateTime;

/**
 * What the transport knows about a record: its idempotency key (also the message id), where it came from,
 * when it arrived, the operation when the record does not state one, and for an event its type and when it
 * happened at the source.
 */
public record RecordContext(String intakeKey, SourceReference sourceReference, OffsetDateTime receivedAt,
                            Operation defaultOperation, String eventType, OffsetDateTime occurredAt) {

    public static RecordContext ofFileRecord(String intakeKey, SourceReference reference, OffsetDateTime receivedAt,
                                             Operation defaultOperation) {
        return new RecordContext(intakeKey, reference, receivedAt, defaultOperation, null, null);
    }
}
