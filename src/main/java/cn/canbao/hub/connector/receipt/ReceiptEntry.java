package cn.canbao.hub.connector.receipt;

/** One rejected record or warning in a receipt; {@code record} is the 1-based data-record number, 0 for the file. */
public record ReceiptEntry(long record, String field, String code, String message) {
}
