package cn.canbao.hub.connector.receipt;

import cn.canbao.hub.model.Remark;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The receipt of one participation event on {@code canbao.out.{system}.receipts} (spec §5). */
@JsonPropertyOrder({"eventId", "status", "errors", "warnings"})
public record EventReceipt(String eventId, ReceiptStatus status, List<Remark> errors,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Remark> warnings) {
}
