package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.util.List;
import java.util.Random;

/** Broken trailers of the DELIMITED format ({@code #END|count}, spec §4.2): missing, wrong, misplaced, repeated. */
final class TrailerMutations {

    static final List<FileMutation> ALL = List.of(
            TrailerMutations::removed, TrailerMutations::wrongCount, TrailerMutations::misplaced,
            TrailerMutations::repeated);

    private TrailerMutations() {
    }

    static Mutated removed(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int trailer = trailerLine(file, source);
        if (trailer < 0) {
            return wrongCount(data, source, random);
        }
        file.lines.remove(trailer);
        return new Mutated(file.bytes(), "trailer-removed");
    }

    static Mutated wrongCount(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int trailer = trailerLine(file, source);
        String prefix = source.trailerPrefix();
        String count = pick(random, "", "-1", "0", "abc", "99999999999999999999", "9223372036854775808", "1.0", " 3",
                "３", "0x05", "5|5", "+4", String.valueOf(random.nextInt(100_000)));
        String line = pick(random, prefix + "|" + count, prefix + count, prefix.toLowerCase() + "|" + count,
                " " + prefix + "|" + count, prefix + "|" + count + "|", prefix + "\t" + count) + "\r\n";
        if (trailer < 0) {
            file.lines.add(line);
        } else {
            file.lines.set(trailer, line);
        }
        return new Mutated(file.bytes(), "trailer-" + TextFile.content(line).strip());
    }

    static Mutated misplaced(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int trailer = trailerLine(file, source);
        if (trailer < 0) {
            return wrongCount(data, source, random);
        }
        String line = file.lines.remove(trailer);
        int at = random.nextInt(file.lines.size() + 1);
        file.lines.add(at, line.endsWith("\n") ? line : line + "\r\n");
        return new Mutated(file.bytes(), "trailer-moved-to-line-" + (at + 1));
    }

    static Mutated repeated(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int trailer = trailerLine(file, source);
        if (trailer < 0) {
            return wrongCount(data, source, random);
        }
        String line = file.lines.get(trailer);
        file.lines.add(line.endsWith("\n") ? line : line + "\r\n");
        return new Mutated(file.bytes(), "trailer-twice");
    }

    private static int trailerLine(LineFile file, FileSource source) {
        for (int i = file.lines.size() - 1; i >= 0; i--) {
            if (file.lines.get(i).startsWith(source.trailerPrefix())) {
                return i;
            }
        }
        return -1;
    }
}
