package cn.canbao.hub.connector.receipt;

import java.util.ArrayList;
import java.util.List;

/** Collects receipt entries up to the cap the spec allows, remembering whether any were left out. */
public final class ReceiptEntries {

    private final int cap;
    private final List<ReceiptEntry> entries = new ArrayList<>();
    private boolean truncated;

    public ReceiptEntries(int cap) {
        this.cap = cap;
    }

    public void add(ReceiptEntry entry) {
        if (entries.size() < cap) {
            entries.add(entry);
        } else {
            truncated = true;
        }
    }

    public List<ReceiptEntry> list() {
        return List.copyOf(entries);
    }

    public boolean truncated() {
        return truncated;
    }
}
