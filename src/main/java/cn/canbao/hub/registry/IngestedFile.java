package cn.canbao.hub.registry;

import java.time.OffsetDateTime;

/** A file whose content is in the registry, as the intake log remembers it. */
public record IngestedFile(long id, String fileName, String status, String disposition, String receiptJson,
                           OffsetDateTime deliveredAt) {

    public boolean delivered() {
        return deliveredAt != null;
    }
}
