package cn.canbao.hub.connector.receipt;

/** What became of a file or an event (spec §3 and §5). */
public enum ReceiptStatus {
    ACCEPTED, PARTIAL, REJECTED, DUPLICATE
}
