package cn.canbao.hub.connector.transport;

/**
 * The source keys one file has stated so far, each with the first record that stated it, so that a record
 * repeating a key is noticed while the file streams by — without a second pass over the stored rows. Keys are
 * held as 64-bit hashes in open addressing (at most 32 bytes per record, whatever the key), which keeps a
 * province-size file within a small heap; two different keys sharing a hash (about one chance in 10^7 for a file
 * of a million keys) would only add a warning to the receipt.
 */
final class SourceKeysSeen {

    private static final long EMPTY = 0;

    /** Pairs of (key hash, first record) side by side, so that a probe touches one cache line. */
    private long[] slots = new long[2 << 12];
    private int size;

    /** The number of the earlier record that stated {@code key}, or 0 when this record is the first. */
    long firstRecordOf(String key, long recordNo) {
        long hash = hash(key);
        int mask = slots.length / 2 - 1;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            long stored = slots[2 * slot];
            if (stored == hash) {
                return slots[2 * slot + 1];
            }
            if (stored == EMPTY) {
                slots[2 * slot] = hash;
                slots[2 * slot + 1] = recordNo;
                if (++size * 4 > slots.length) {
                    grow();
                }
                return 0;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int slot = (int) old[i] & mask;
                while (slots[2 * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
    }

    /** FNV-1a over the characters, then the MurmurHash3 finaliser to spread it over all 64 bits. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = key.length(); i < n; i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
