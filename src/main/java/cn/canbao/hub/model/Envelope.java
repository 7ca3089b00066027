package cn.canbao.hub.model;

import java.time.OffsetDateTime;

/** Where a canonical message came from and what it asks the registry to do. */
public record Envelope(
        String messageId,
        String schemaVersion,
        String sourceSystem,
        SourceReference sourceReference,
        OffsetDateTime receivedAt,
        Operation operation,
        String eventType) {
}
