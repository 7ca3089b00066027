package cn.canbao.hub.registry;

import java.time.OffsetDateTime;

/** A data file the hub has answered (its content stored, or rejected), as the intake log remembers it. */
public record AnsweredFile(long id, String fileName, String status, String disposition, String receiptJson,
                           OffsetDateTime deliveredAt) {

    public boolean delivered() {
        return deliveredAt != null;
    }
}
