package cn.canbao.hub.connector.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/** The receipt a sender finds in its {@code receipt/} folder for every data file (spec §3). */
@JsonPropertyOrder({"file", "sha256", "status", "receivedAt", "records", "accepted", "rejected",
        "errors", "errorsTruncated", "warnings", "warningsTruncated"})
public record FileReceipt(
        String file,
        String sha256,
        ReceiptStatus status,
        OffsetDateTime receivedAt,
        long records,
        long accepted,
        long rejected,
        List<ReceiptEntry> errors,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean errorsTruncated,
        List<ReceiptEntry> warnings,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean warningsTruncated) {
}
