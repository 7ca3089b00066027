package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.util.List;
import java.util.Random;

/** Very long lines and fields, and very many records: what bounds a reader's memory and time. */
final class LengthMutations {

    /** Up to just past the readers' record limit of 1 MiB (FormatSpec.DEFAULT_MAX_RECORD_BYTES). */
    private static final int[] LENGTHS = {300, 4_000, 70_000, 300_000, 1_100_000};

    static final List<FileMutation> ALL = List.of(
            LengthMutations::longField, LengthMutations::longLine, LengthMutations::manyRecords);

    private LengthMutations() {
    }

    /** Characters inserted inside a record line (or XML text) at a random place. */
    static Mutated longField(byte[] data, FileSource source, Random random) {
        String text = TextFile.decode(data, source.charset());
        int length = LENGTHS[random.nextInt(LENGTHS.length)];
        String filler = TextFile.repeat(pick(random, "A", "张", "𠀾", "9", " ", "\\"), length);
        List<String> lines = TextFile.lines(text);
        int line = lines.size() > 1 ? 1 + random.nextInt(lines.size() - 1) : 0;
        String target = lines.isEmpty() ? "" : lines.get(line);
        int at = target.isEmpty() ? 0 : random.nextInt(TextFile.content(target).length() + 1);
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            result.append(i == line ? target.substring(0, at) + filler + target.substring(at) : lines.get(i));
        }
        if (lines.isEmpty()) {
            result.append(filler);
        }
        return new Mutated(TextFile.encode(result.toString(), source.charset()), "long-field-" + length);
    }

    /** A line of its own, without any separator, anywhere in the file. */
    static Mutated longLine(byte[] data, FileSource source, Random random) {
        List<String> lines = TextFile.lines(TextFile.decode(data, source.charset()));
        int length = LENGTHS[random.nextInt(LENGTHS.length)];
        int at = random.nextInt(lines.size() + 1);
        String line = TextFile.repeat(pick(random, "x", "青海", "0"), length) + "\r\n";
        StringBuilder result = new StringBuilder();
        for (int i = 0; i <= lines.size(); i++) {
            if (i == at) {
                result.append(line);
            }
            if (i < lines.size()) {
                result.append(lines.get(i));
            }
        }
        return new Mutated(TextFile.encode(result.toString(), source.charset()), "long-line-" + length + "@" + at);
    }

    /** One record repeated thousands of times (XML: one record element), so the file is large but well formed. */
    static Mutated manyRecords(byte[] data, FileSource source, Random random) {
        String text = TextFile.decode(data, source.charset());
        int copies = 500 + random.nextInt(4_500);
        if (source.recordElement() != null) {
            String open = "<" + source.recordElement();
            String close = "</" + source.recordElement() + ">";
            int start = text.indexOf(open);
            int end = text.indexOf(close, Math.max(start, 0));
            if (start < 0 || end < 0) {
                return longLine(data, source, random);
            }
            String record = text.substring(start, end + close.length()) + "\n";
            return new Mutated(TextFile.encode(text.substring(0, start) + record.repeat(copies) + text.substring(start),
                    source.charset()), "records-x" + copies);
        }
        List<String> lines = TextFile.lines(text);
        int first = source.header() ? 1 : 0;
        if (lines.size() <= first) {
            return longLine(data, source, random);
        }
        String record = lines.get(first);
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            result.append(i == first ? record.repeat(copies) : lines.get(i));
        }
        return new Mutated(TextFile.encode(result.toString(), source.charset()), "records-x" + copies);
    }
}
