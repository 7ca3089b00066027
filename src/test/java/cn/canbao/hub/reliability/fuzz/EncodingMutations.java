package cn.canbao.hub.reliability.fuzz;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** The file in the wrong encoding: UTF-8 where GBK is due and vice versa, a BOM added or removed, UTF-16. */
final class EncodingMutations {

    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset UTF_16LE = StandardCharsets.UTF_16LE;

    static final List<FileMutation> ALL = List.of(
            EncodingMutations::otherEncoding, EncodingMutations::toggleBom, EncodingMutations::utf16,
            EncodingMutations::oneLineInOtherEncoding, EncodingMutations::lineEndings);

    private EncodingMutations() {
    }

    static Mutated otherEncoding(byte[] data, FileSource source, Random random) {
        String text = TextFile.decode(data, source.charset());
        return new Mutated(TextFile.encode(text, source.otherCharset()), "re-encoded-" + source.otherCharset().name());
    }

    static Mutated toggleBom(byte[] data, FileSource source, Random random) {
        if (startsWithBom(data)) {
            return new Mutated(TextFile.delete(data, 0, UTF8_BOM.length), "bom-removed");
        }
        return new Mutated(TextFile.insert(data, 0, UTF8_BOM), "bom-added");
    }

    static Mutated utf16(byte[] data, FileSource source, Random random) {
        String text = TextFile.decode(data, source.charset()).replace("\uFEFF", "");
        byte[] encoded = TextFile.encode(text, UTF_16LE);
        boolean withBom = random.nextBoolean();
        return new Mutated(withBom ? TextFile.insert(encoded, 0, new byte[] {(byte) 0xFF, (byte) 0xFE}) : encoded,
                withBom ? "utf-16le-with-bom" : "utf-16le");
    }

    /** A sender that appended one record from another system's export. */
    static Mutated oneLineInOtherEncoding(byte[] data, FileSource source, Random random) {
        List<String> lines = TextFile.lines(TextFile.decode(data, source.charset()));
        int at = random.nextInt(lines.size() + 1);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            (i < at ? before : after).append(lines.get(i));
        }
        String foreign = at > 0 && at <= lines.size() ? lines.get(at - 1) : "张三,李四,王五\r\n";
        byte[] head = TextFile.encode(before.toString(), source.charset());
        byte[] odd = TextFile.encode(foreign, source.otherCharset());
        byte[] tail = TextFile.encode(after.toString(), source.charset());
        byte[] result = TextFile.insert(TextFile.insert(head, head.length, odd), head.length + odd.length, tail);
        return new Mutated(result, "line-" + at + "-in-" + source.otherCharset().name());
    }

    static Mutated lineEndings(byte[] data, FileSource source, Random random) {
        String text = TextFile.decode(data, source.charset());
        String label = random.nextInt(3) == 0 ? "cr-only" : text.contains("\r\n") ? "lf-only" : "crlf";
        String changed = switch (label) {
            case "cr-only" -> text.replace("\r\n", "\n").replace('\n', '\r');
            case "lf-only" -> text.replace("\r\n", "\n");
            default -> text.replace("\n", "\r\n");
        };
        return new Mutated(TextFile.encode(changed, source.charset()), "line-endings-" + label);
    }

    static boolean startsWithBom(byte[] data) {
        return data.length >= 3 && data[0] == UTF8_BOM[0] && data[1] == UTF8_BOM[1] && data[2] == UTF8_BOM[2];
    }
}
