package cn.canbao.hub.reliability.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A fuzz run in figures: inputs tried, answered and unanswered by kind and format, the longest time to an answer,
 * what the answers were, the heap, the canaries, and every unanswered input with what was seen and what the hub
 * logged (each is written out as a {@link Reproduction} when it is given up on).
 */
final class FuzzReport {

    private final Ledger ledger;
    private final int count;
    private final long seed;
    private final long seconds;
    private final Heap.Usage heap;

    FuzzReport(Ledger ledger, int count, long seed, long seconds, Heap.Usage heap) {
        this.ledger = ledger;
        this.count = count;
        this.seed = seed;
        this.seconds = seconds;
        this.heap = heap;
    }

    List<Ledger.Entry> unanswered() {
        return ledger.entries().stream().filter(e -> !e.answered()).sorted(byId()).toList();
    }

    List<Ledger.Entry> answeredMoreThanOnce() {
        return ledger.entries().stream().filter(e -> e.answers > 1).sorted(byId()).toList();
    }

    /** Every input of a run is unique, so a DUPLICATE answer means the hub took one delivery for two. */
    List<Ledger.Entry> answeredDuplicate() {
        return ledger.entries().stream().filter(e -> e.answer != null && e.answer.contains("DUPLICATE"))
                .sorted(byId()).toList();
    }

    List<Ledger.Entry> canariesNotAccepted() {
        return ledger.canaries().stream().filter(e -> e.answer == null || !e.answer.matches(
                "(receipt )?ACCEPTED|sync_status 1")).sorted(byId()).toList();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Fuzz run: ").append(count).append(" malformed inputs, seed ").append(seed).append(", ")
                .append(seconds).append(" s; heap used after GC ").append(heap.describe()).append("\n\n");
        out.append(String.format("| %-5s | %-24s | %6s | %8s | %10s | %17s |%n", "kind", "format", "tried", "answered",
                "unanswered", "longest answer ms"));
        out.append("|-------|--------------------------|--------|----------|------------|-------------------|\n");
        Map<String, List<Ledger.Entry>> byFormat = group(e -> e.kind + "|" + e.format);
        byFormat.forEach((key, entries) -> row(out, key.split("\\|")[0], key.split("\\|")[1], entries));
        row(out, "all", "", fuzzed());
        out.append("\nAnswers:\n");
        group(e -> e.kind + " " + (e.answer == null ? "(none)" : e.answer.replaceFirst(" \\| then.*", "")))
                .forEach((answer, entries) -> out.append(String.format("  %6d  %s%n", entries.size(), answer)));
        out.append("\nCanaries (a good input of every kind after all the bad ones):\n");
        ledger.canaries().stream().sorted(byId()).forEach(e -> out.append("  ").append(e.format).append(" ")
                .append(e.id).append(": ").append(e.answered() ? e.answer + " in " + e.millisToAnswer() + " ms"
                        : "UNANSWERED " + e.unanswered).append('\n'));
        List<Ledger.Entry> twice = answeredMoreThanOnce();
        out.append("\nAnswered more than once: ").append(twice.size()).append('\n');
        twice.forEach(e -> out.append("  ").append(describe(e)).append(": ").append(e.answer).append('\n'));
        List<Ledger.Entry> duplicates = answeredDuplicate();
        out.append("\nAnswered DUPLICATE (each input is unique): ").append(duplicates.size()).append('\n');
        duplicates.forEach(e -> out.append("  ").append(describe(e)).append(": ").append(e.answer).append('\n'));
        List<Ledger.Entry> unanswered = unanswered();
        out.append("\nUnanswered: ").append(unanswered.size()).append('\n');
        unanswered.forEach(e -> out.append("  ").append(describe(e)).append("\n      ").append(e.unanswered).append('\n'));
        return HubLog.mask(out.toString());
    }

    private List<Ledger.Entry> fuzzed() {
        return ledger.entries().stream().filter(e -> !e.canary).toList();
    }

    private Map<String, List<Ledger.Entry>> group(Function<Ledger.Entry, String> key) {
        return fuzzed().stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static void row(StringBuilder out, String kind, String format, List<Ledger.Entry> entries) {
        long answered = entries.stream().filter(Ledger.Entry::answered).count();
        long longest = entries.stream().filter(Ledger.Entry::answered).mapToLong(Ledger.Entry::millisToAnswer).max()
                .orElse(0);
        out.append(String.format("| %-5s | %-24s | %6d | %8d | %10d | %17d |%n", kind, format, entries.size(), answered,
                entries.size() - answered, longest));
    }

    private static String describe(Ledger.Entry e) {
        return e.kind + " " + e.format + " " + e.id + " [" + e.mutation + "]";
    }

    private static Comparator<Ledger.Entry> byId() {
        return Comparator.comparing((Ledger.Entry e) -> e.kind).thenComparing(e -> e.id);
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve("report.txt"), TextFile.encode(text(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
