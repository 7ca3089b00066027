package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.receipt.FileReceipt;
import cn.canbao.hub.connector.receipt.ReceiptEntry;
import cn.canbao.hub.connector.receipt.ReceiptStatus;
import java.time.OffsetDateTime;
import java.util.List;

/** The receipts of files that were not ingested record by record. */
final class Receipts {

    private Receipts() {
    }

    static FileReceipt rejectedWhole(String fileName, String sha256, OffsetDateTime receivedAt, long records,
                                     String code, String message) {
        return new FileReceipt(fileName, sha256, ReceiptStatus.REJECTED, receivedAt, records, 0, records,
                List.of(new ReceiptEntry(0, null, code, message)), false, List.of(), false);
    }

    static FileReceipt duplicate(String fileName, String sha256, OffsetDateTime receivedAt, long records) {
        return new FileReceipt(fileName, sha256, ReceiptStatus.DUPLICATE, receivedAt, records, 0, 0, List.of(),
                false, List.of(), false);
    }
}
