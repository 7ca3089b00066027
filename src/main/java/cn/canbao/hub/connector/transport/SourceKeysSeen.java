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

    private long[] hashes = new long[1 << 12];
    private long[] firstRecords = new long[1 << 12];
    private int size;

    /** The number of the earlier record that stated {@code key}, or 0 when this record is the first. */
    long firstRecordOf(String key, long recordNo) {
        long hash = hash(key);
        int mask = hashes.length - 1;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash) {
                return firstRecords[slot];
            }
            if (hashes[slot] == EMPTY) {
                hashes[slot] = hash;
                firstRecords[slot] = recordNo;
                if (++size * 2 > hashes.length) {
                    grow();
                }
                return 0;
            }
        }
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldRecords = firstRecords;
        hashes = new long[oldHashes.length * 2];
        firstRecords = new long[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY) {
                int slot = (int) oldHashes[i] & mask;
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                firstRecords[slot] = oldRecords[i];
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
