package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.util.List;
import java.util.Random;

/** Broken data lines of the CSV and DELIMITED formats: quoting, field counts, blank lines, odd values. */
final class RecordLineMutations {

    static final List<FileMutation> ALL = List.of(
            RecordLineMutations::strayQuote, RecordLineMutations::quotedNewline, RecordLineMutations::fieldCount,
            RecordLineMutations::blankLines, RecordLineMutations::oddValue);

    private static final List<String> ODD_VALUES = List.of("", " ", "\t", "null", "NULL", "\"\"", "'", "\\", "\\N",
            "０１２３", "630102198001011230630102198001011230", "-1", "99999999999999999999", "1e9", "0x1F", "00000000",
            "20170230", "２０１７年", "<script>", "'; DROP TABLE source_record; --", "\u202Eabc", "\u200B", "😀", "𠀾𠀾",
            "\u0007", "\u007F", "\u0085", "\u2028", "男女", "M", "X");

    private RecordLineMutations() {
    }

    static Mutated strayQuote(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int line = lineOrHeader(file, random);
        String content = TextFile.content(file.lines.get(line));
        int at = random.nextInt(content.length() + 1);
        String quote = pick(random, "\"", "\"\"", "\"abc\"def", "'");
        file.lines.set(line, content.substring(0, at) + quote + content.substring(at)
                + TextFile.terminator(file.lines.get(line)));
        return new Mutated(file.bytes(), "stray-quote-line-" + (line + 1));
    }

    static Mutated quotedNewline(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int line = lineOrHeader(file, random);
        List<String> fields = file.fields(line);
        int column = random.nextInt(fields.size());
        fields.set(column, "\"" + fields.get(column) + pick(random, "\n", "\r\n", "\r", "\n\n") + "续\"");
        file.setFields(line, fields);
        return new Mutated(file.bytes(), "quoted-newline-line-" + (line + 1));
    }

    static Mutated fieldCount(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int line = lineOrHeader(file, random);
        List<String> fields = file.fields(line);
        boolean fewer = random.nextBoolean() && fields.size() > 1;
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && !fields.isEmpty(); i++) {
            if (fewer) {
                fields.remove(random.nextInt(fields.size()));
            } else {
                fields.add(random.nextInt(fields.size() + 1), pick(random, ODD_VALUES));
            }
        }
        file.setFields(line, fields);
        return new Mutated(file.bytes(), (fewer ? "fewer" : "more") + "-fields-line-" + (line + 1));
    }

    static Mutated blankLines(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int at = random.nextInt(file.lines.size() + 1);
        String blank = pick(random, "\r\n", "\n", "   \r\n", "\t\n", file.separator().repeat(8) + "\r\n", "\u3000\r\n");
        file.lines.add(at, blank);
        return new Mutated(file.bytes(), "blank-line@" + (at + 1));
    }

    static Mutated oddValue(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int line = lineOrHeader(file, random);
        List<String> fields = file.fields(line);
        int column = random.nextInt(fields.size());
        String value = pick(random, ODD_VALUES);
        fields.set(column, value);
        file.setFields(line, fields);
        return new Mutated(file.bytes(), "odd-value-line-" + (line + 1) + "-column-" + (column + 1));
    }

    private static int lineOrHeader(LineFile file, Random random) {
        int line = file.dataLine(random);
        return line >= 0 ? line : 0;
    }
}
