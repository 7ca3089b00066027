package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.insert;
import static cn.canbao.hub.reliability.fuzz.TextFile.pick;
import static cn.canbao.hub.reliability.fuzz.TextFile.randomBytes;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.util.List;
import java.util.Random;

/** Mutations that know nothing of the format: flipped, cut, inserted and deleted bytes. */
final class ByteMutations {

    static final List<FileMutation> ALL = List.of(
            ByteMutations::flipBytes, ByteMutations::truncate, ByteMutations::insertNul, ByteMutations::insertBinary,
            ByteMutations::deleteRange, ByteMutations::duplicateRange, ByteMutations::insertControlBytes);

    private ByteMutations() {
    }

    static Mutated flipBytes(byte[] data, FileSource source, Random random) {
        byte[] result = data.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && result.length > 0; i++) {
            int at = random.nextInt(result.length);
            result[at] = random.nextBoolean() ? (byte) (result[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
        }
        return new Mutated(result, "flip-" + flips + "-bytes");
    }

    /** Cut anywhere, from nothing left (an empty file) to all but the last byte. */
    static Mutated truncate(byte[] data, FileSource source, Random random) {
        int length = random.nextInt(Math.max(1, data.length));
        byte[] result = new byte[length];
        System.arraycopy(data, 0, result, 0, length);
        return new Mutated(result, "truncate@" + length);
    }

    static Mutated insertNul(byte[] data, FileSource source, Random random) {
        byte[] result = data;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            result = insert(result, random.nextInt(result.length + 1), new byte[1 + random.nextInt(3)]);
        }
        return new Mutated(result, "nul-bytes-x" + count);
    }

    static Mutated insertBinary(byte[] data, FileSource source, Random random) {
        int length = 1 + random.nextInt(random.nextBoolean() ? 16 : 4096);
        return new Mutated(insert(data, random.nextInt(data.length + 1), randomBytes(random, length)),
                "binary-" + length + "-bytes");
    }

    static Mutated deleteRange(byte[] data, FileSource source, Random random) {
        if (data.length < 2) {
            return new Mutated(randomBytes(random, 1 + random.nextInt(64)), "random-bytes");
        }
        int from = random.nextInt(data.length - 1);
        int to = from + 1 + random.nextInt(Math.min(data.length - from - 1, 200) + 1);
        return new Mutated(TextFile.delete(data, from, Math.min(to, data.length)), "delete-bytes@" + from);
    }

    static Mutated duplicateRange(byte[] data, FileSource source, Random random) {
        if (data.length < 2) {
            return insertBinary(data, source, random);
        }
        int from = random.nextInt(data.length - 1);
        int to = Math.min(data.length, from + 1 + random.nextInt(300));
        byte[] slice = new byte[to - from];
        System.arraycopy(data, from, slice, 0, slice.length);
        return new Mutated(insert(data, random.nextInt(data.length + 1), slice), "duplicate-bytes");
    }

    /** Bytes that are valid in no text: lone continuation bytes, overlong forms, encoded surrogates, 0xFF, DEL. */
    static Mutated insertControlBytes(byte[] data, FileSource source, Random random) {
        byte[][] oddities = {
            {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x81}, {0x7F}, {0x1B, '[', 'm'},
            {0x0B}, {0x0C}, {'\r'}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0x84, 0x31, (byte) 0x95, 0x33}
        };
        byte[] inserted = pick(random, oddities);
        return new Mutated(insert(data, random.nextInt(data.length + 1), inserted), "odd-bytes-" + inserted.length);
    }
}
