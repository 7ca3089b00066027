package cn.canbao.hub.connector.mapping;

import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.SourceReference;
import java.time.OffsetDateTime;

/**
 * What the transport knows about a record: its idempotency key (also the message id), where it came from,
 * when it arrived, the operation when the record does not state one, and the event type of an event.
 */
public record RecordContext(String intakeKey, SourceReference sourceReference, OffsetDateTime receivedAt,
                            Operation defaultOperation, String eventType) {
}
