package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Malformed data files of the nine file systems, each a valid fixture changed by one or more mutations, named
 * and with a done file as a sender would (or with a name or done file that is itself wrong). Deterministic for a
 * seed; no two files of a run have the same content, and none has the content of a fixture, so the hub never takes
 * one for a duplicate of another and a fixture stays good as a canary.
 */
public final class MalformedFiles {

    private static final double STACK_ANOTHER = 0.25;
    private static final double BROKEN_NAME = 0.07;
    private static final double LYING_DONE_FILE = 0.08;
    private static final double FULL_SNAPSHOT = 0.05;
    /** Above this size a file grows no more, so stacked length mutations cannot multiply into gigabytes. */
    private static final int GROWTH_LIMIT = 256 * 1024;

    private final List<FileSource> sources;
    private final Random random;
    private final Set<String> contents = new HashSet<>();
    private int next;

    public MalformedFiles(List<FileSource> sources, long seed) {
        this.sources = sources;
        this.random = new Random(seed);
        sources.forEach(source -> source.fixtures().forEach(fixture -> contents.add(DoneFiles.sha256(fixture))));
    }

    /** The next {@code count} files, the systems taken in turn. */
    public List<MalformedFile> next(int count) {
        List<MalformedFile> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            files.add(next(sources.get(next % sources.size())));
        }
        return files;
    }

    /** The system's valid fixture under a name of its own, with its honest done file. */
    public MalformedFile canary(FileSource source) {
        byte[] data = source.validFixture();
        return new MalformedFile(source, FileNames.conventional(source, next++, false), data,
                DoneFiles.honest(data, source), "valid");
    }

    private MalformedFile next(FileSource source) {
        int n = next++;
        byte[] data = pick(random, source.fixtures());
        List<String> labels = new ArrayList<>();
        do {
            Mutated mutated = mutate(data, source);
            data = mutated.data();
            labels.add(mutated.label());
        } while (random.nextDouble() < STACK_ANOTHER || !contents.add(DoneFiles.sha256(data)));
        String fileName = FileNames.conventional(source, n, random.nextDouble() < FULL_SNAPSHOT);
        if (random.nextDouble() < BROKEN_NAME) {
            String[] broken = FileNames.broken(source, n, random);
            fileName = broken[0];
            labels.add(broken[1]);
        }
        byte[] doneFile = DoneFiles.honest(data, source);
        if (random.nextDouble() < LYING_DONE_FILE) {
            DoneFiles.Lie lie = DoneFiles.lie(data, source, random);
            doneFile = lie.doneFile();
            labels.add(lie.label());
        }
        return new MalformedFile(source, fileName, data, doneFile, String.join(" + ", labels));
    }

    /** One mutation of a family drawn by weight; one that does not apply to what earlier ones left falls back to bytes. */
    private Mutated mutate(byte[] data, FileSource source) {
        List<FileMutation> family = family(source, data.length);
        FileMutation mutation = pick(random, family);
        try {
            return mutation.apply(data, source, random);
        } catch (RuntimeException notApplicable) {
            return pick(random, ByteMutations.ALL).apply(data, source, random);
        }
    }

    private List<FileMutation> family(FileSource source, int size) {
        double draw = random.nextDouble();
        if (draw < 0.28 || size > GROWTH_LIMIT) {
            return ByteMutations.ALL;
        }
        if (draw < 0.42) {
            return EncodingMutations.ALL;
        }
        if (draw < 0.48) {
            return LengthMutations.ALL;
        }
        return switch (source.format()) {
            case "CSV" -> random.nextBoolean() ? HeaderMutations.ALL : RecordLineMutations.ALL;
            case "DELIMITED" -> pick(random, HeaderMutations.ALL, RecordLineMutations.ALL, TrailerMutations.ALL);
            case "FIXED_WIDTH" -> FixedWidthMutations.ALL;
            case "JSON_LINES" -> JsonLinesMutations.ALL;
            case "XML" -> XmlMutations.ALL;
            default -> throw new IllegalStateException("no mutations for format " + source.format());
        };
    }
}
