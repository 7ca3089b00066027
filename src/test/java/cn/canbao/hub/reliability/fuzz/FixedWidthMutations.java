package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Broken lines of the FIXED_WIDTH format (88 GBK bytes, spec §4.4): off by a byte, characters split at a boundary. */
final class FixedWidthMutations {

    /** 1-based first bytes of the fields after the first; a double-byte character placed across one is split. */
    private static final int[] BOUNDARIES = {19, 39, 40, 48, 54, 74, 75, 83};

    static final List<FileMutation> ALL = List.of(
            FixedWidthMutations::offByBytes, FixedWidthMutations::splitCharacter, FixedWidthMutations::oddLine);

    private FixedWidthMutations() {
    }

    static Mutated offByBytes(byte[] data, FileSource source, Random random) {
        List<byte[]> lines = lines(data);
        int line = random.nextInt(lines.size());
        byte[] bytes = lines.get(line);
        int delta = pick(random, -2, -1, 1, 2, 88);
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        lines.set(line, delta < 0 ? TextFile.delete(bytes, at, Math.min(bytes.length, at - delta))
                : TextFile.insert(bytes, at, TextFile.encode("中".repeat(delta / 2) + " ".repeat(delta % 2), source.charset())));
        return new Mutated(join(lines), "line-" + (line + 1) + "-" + (delta > 0 ? "+" : "") + delta + "-bytes");
    }

    /** A GBK character whose first byte ends one field and whose second byte starts the next. */
    static Mutated splitCharacter(byte[] data, FileSource source, Random random) {
        List<byte[]> lines = lines(data);
        int line = random.nextInt(lines.size());
        byte[] bytes = lines.get(line).clone();
        int boundary = BOUNDARIES[random.nextInt(BOUNDARIES.length)];
        if (bytes.length >= boundary) {
            byte[] character = TextFile.encode(pick(random, "张", "𠀾"), source.charset());
            System.arraycopy(character, 0, bytes, boundary - 2, Math.min(character.length, bytes.length - boundary + 2));
        }
        lines.set(line, bytes);
        return new Mutated(join(lines), "character-split-at-byte-" + boundary + "-line-" + (line + 1));
    }

    static Mutated oddLine(byte[] data, FileSource source, Random random) {
        List<byte[]> lines = lines(data);
        int at = random.nextInt(lines.size() + 1);
        String kind = pick(random, "spaces", "nuls", "ff", "tabs", "header", "empty");
        byte[] line = switch (kind) {
            case "spaces" -> " ".repeat(88).getBytes(source.charset());
            case "nuls" -> new byte[88];
            case "ff" -> filled((byte) 0xFF);
            case "tabs" -> "\t".repeat(88).getBytes(source.charset());
            case "header" -> TextFile.encode("身份证号          姓名                性别出生日期参保地单位编号", source.charset());
            default -> new byte[0];
        };
        lines.add(at, line);
        return new Mutated(join(lines), "line-of-" + kind + "@" + (at + 1));
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[88];
        Arrays.fill(bytes, value);
        return bytes;
    }

    /** Lines without their CRLF. */
    private static List<byte[]> lines(byte[] data) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                int end = i > start && data[i - 1] == '\r' ? i - 1 : i;
                lines.add(Arrays.copyOfRange(data, start, end));
                start = i + 1;
            }
        }
        if (start < data.length) {
            lines.add(Arrays.copyOfRange(data, start, data.length));
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }
}
