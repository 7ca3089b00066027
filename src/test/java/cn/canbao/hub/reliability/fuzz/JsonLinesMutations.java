package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

/** Broken lines of the JSON_LINES format (spec §4.5). */
final class JsonLinesMutations {

    static final List<FileMutation> ALL = List.of(
            JsonLinesMutations::brokenLine, JsonLinesMutations::oddLine, JsonLinesMutations::duplicateKey);

    private JsonLinesMutations() {
    }

    static Mutated brokenLine(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int line = Math.max(0, file.dataLine(random));
        String[] broken = JsonText.broken(TextFile.content(file.lines.get(line)), random);
        file.lines.set(line, broken[0] + TextFile.terminator(file.lines.get(line)));
        return new Mutated(file.bytes(), "line-" + (line + 1) + "-" + broken[1]);
    }

    static Mutated oddLine(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int at = random.nextInt(file.lines.size() + 1);
        String line = pick(random, "", " ", "\uFEFF{}", "{}", "[]", "null", "{\"idNumber\":null}", "\t\t", "}{",
                "{\"a\":1}{\"b\":2}", "\u0000");
        file.lines.add(at, line + "\n");
        return new Mutated(file.bytes(), "odd-line@" + (at + 1));
    }

    static Mutated duplicateKey(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int line = Math.max(0, file.dataLine(random));
        String content = TextFile.content(file.lines.get(line));
        String changed = content.replaceFirst("\\{",
                Matcher.quoteReplacement("{\"idNumber\":" + pick(random, JsonText.ODD_VALUES) + ","));
        file.lines.set(line, changed + TextFile.terminator(file.lines.get(line)));
        return new Mutated(file.bytes(), "duplicate-key-line-" + (line + 1));
    }
}
