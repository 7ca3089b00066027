package cn.canbao.hub.reliability.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A line-format file as editable lines, each with its terminator, in the file's encoding. */
final class LineFile {

    final List<String> lines;
    private final FileSource source;

    LineFile(byte[] data, FileSource source) {
        this.source = source;
        this.lines = new ArrayList<>(TextFile.lines(TextFile.decode(data, source.charset())));
    }

    byte[] bytes() {
        return TextFile.encode(String.join("", lines), source.charset());
    }

    /** The fields of a line split at the separator (comma, or the DELIMITED format's '|'). */
    List<String> fields(int line) {
        return new ArrayList<>(List.of(TextFile.content(lines.get(line)).split(separatorPattern(), -1)));
    }

    void setFields(int line, List<String> fields) {
        lines.set(line, String.join(separator(), fields) + TextFile.terminator(lines.get(line)));
    }

    String separator() {
        return source.format().equals("DELIMITED") ? "|" : ",";
    }

    private String separatorPattern() {
        return source.format().equals("DELIMITED") ? "\\|" : ",";
    }

    /** Index of a data line (not the header, not a trailer), or -1 when there is none. */
    int dataLine(Random random) {
        int first = source.header() ? 1 : 0;
        int last = lines.size() - (source.trailerPrefix() != null && lines.size() > first ? 1 : 0);
        return last > first ? first + random.nextInt(last - first) : -1;
    }
}
