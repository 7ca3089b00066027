package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Broken header rows of the CSV and DELIMITED formats: NUL in a name, missing, extra, duplicated, reordered columns. */
final class HeaderMutations {

    static final List<FileMutation> ALL = List.of(
            HeaderMutations::nulInName, HeaderMutations::missingColumn, HeaderMutations::extraColumn,
            HeaderMutations::duplicatedColumn, HeaderMutations::reordered, HeaderMutations::renamed,
            HeaderMutations::noHeader, HeaderMutations::headerRepeated);

    private HeaderMutations() {
    }

    static Mutated nulInName(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        List<String> names = file.fields(0);
        int column = random.nextInt(names.size());
        String name = names.get(column);
        int at = random.nextInt(name.length() + 1);
        String odd = pick(random, "\u0000", "\u0000\u0000", "\u0001", "\u200B", "\uFEFF");
        names.set(column, name.substring(0, at) + odd + name.substring(at));
        file.setFields(0, names);
        return new Mutated(file.bytes(), "header-" + escape(odd) + "-in-column-" + (column + 1));
    }

    static Mutated missingColumn(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        List<String> names = file.fields(0);
        int column = random.nextInt(names.size());
        names.remove(column);
        file.setFields(0, names);
        return new Mutated(file.bytes(), "header-without-column-" + (column + 1));
    }

    static Mutated extraColumn(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        List<String> names = file.fields(0);
        int at = random.nextInt(names.size() + 1);
        names.add(at, pick(random, "备注", "extra", "", "AAC999", "\"quoted\""));
        file.setFields(0, names);
        return new Mutated(file.bytes(), "header-extra-column@" + (at + 1));
    }

    static Mutated duplicatedColumn(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        List<String> names = file.fields(0);
        int from = random.nextInt(names.size());
        int to = random.nextInt(names.size());
        boolean replace = random.nextBoolean() && from != to;
        if (replace) {
            names.set(to, names.get(from));
        } else {
            names.add(to, names.get(from));
        }
        file.setFields(0, names);
        return new Mutated(file.bytes(), "header-column-" + (from + 1) + (replace ? "-twice-in-place" : "-twice"));
    }

    static Mutated reordered(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        List<String> names = file.fields(0);
        Collections.shuffle(names, random);
        file.setFields(0, names);
        return new Mutated(file.bytes(), "header-reordered");
    }

    static Mutated renamed(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        List<String> names = file.fields(0);
        int column = random.nextInt(names.size());
        String name = names.get(column);
        names.set(column, pick(random, " " + name, name + " ", name.toLowerCase(), "\"" + name + "\"",
                name.toUpperCase(), "\uFEFF" + name));
        file.setFields(0, names);
        return new Mutated(file.bytes(), "header-column-" + (column + 1) + "-respelled");
    }

    static Mutated noHeader(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        String bom = file.lines.get(0).startsWith("\uFEFF") ? "\uFEFF" : "";
        file.lines.remove(0);
        if (!file.lines.isEmpty()) {
            file.lines.set(0, bom + file.lines.get(0));
        }
        return new Mutated(file.bytes(), "no-header");
    }

    static Mutated headerRepeated(byte[] data, FileSource source, Random random) {
        LineFile file = new LineFile(data, source);
        int at = 1 + random.nextInt(file.lines.size());
        file.lines.add(at, file.lines.get(0).replace("\uFEFF", ""));
        return new Mutated(file.bytes(), "header-repeated@" + at);
    }

    static String escape(String odd) {
        StringBuilder escaped = new StringBuilder();
        odd.chars().forEach(c -> escaped.append(String.format("u%04x", c)));
        return escaped.toString();
    }
}
