package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Snapshot.TableDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The harness's report (target/crash-trials/report.md): one line per trial, totals per kind of crash, and the lines
 * by which an unclean trial differs from the reference run — identity numbers masked as in the hub's log.
 */
final class TrialReport {

    private static final Pattern IDENTITY_NUMBER =
            Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final int LINES_SHOWN = 20;

    private TrialReport() {
    }

    static String write(HarnessSettings settings, Workload workload, RunOutcome reference, List<TrialResult> results)
            throws IOException {
        StringBuilder report = new StringBuilder();
        report.append("# Crash trials\n\n")
                .append(String.format(Locale.ROOT, "Seed %d, %d trials; workload: %s; crash window %d ms.%n",
                        settings.seed(), results.size(), workload, settings.window().toMillis()))
                .append(String.format(Locale.ROOT, "Reference run: all answered %.1f s after the first send, "
                        + "%d unanswered, %d extra receipts.%n%n", seconds(reference.toAnswered().toMillis()),
                        reference.unanswered().size(), reference.extraReceipts()))
                .append("| trial | seed | crash | moment (ms) | restart → healthy (s) | restart → all answered (s) "
                        + "| partner retries | records lost | duplicates | unanswered | differences | verdict |\n")
                .append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (TrialResult result : results) {
            RunOutcome outcome = result.outcome();
            report.append(String.format(Locale.ROOT, "| %d | %d | %s | %d | %s | %s | %s | %d | %d | %d | %d | %s |%n",
                    result.trial(), result.seed(), result.crash().kind().label(), result.crash().moment().toMillis(),
                    outcome == null ? "–" : String.format(Locale.ROOT, "%.1f", seconds(outcome.toHealthy().toMillis())),
                    outcome == null ? "–" : String.format(Locale.ROOT, "%.1f", seconds(outcome.toAnswered().toMillis())),
                    outcome == null ? "–" : Integer.toString(outcome.partnerRetries()),
                    result.recordsLost(), result.duplicates(), result.unanswered(), result.differences(),
                    result.clean() ? "clean" : result.failure() != null ? "FAILED: " + result.failure() : "NOT CLEAN"));
        }
        report.append("\n").append(totals(results)).append(details(results));
        String text = mask(report.toString());
        Files.writeString(settings.output().resolve("report.md"), text, StandardCharsets.UTF_8);
        return text;
    }

    private static String totals(List<TrialResult> results) {
        Map<CrashKind, List<TrialResult>> byKind = new EnumMap<>(CrashKind.class);
        results.forEach(r -> byKind.computeIfAbsent(r.crash().kind(), k -> new java.util.ArrayList<>()).add(r));
        StringBuilder totals = new StringBuilder("| crash | trials | clean | records lost | duplicates | unanswered "
                + "| differences | restart → all answered, median / max (s) |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        byKind.forEach((kind, trials) -> {
            List<Long> recoveries = trials.stream().filter(t -> t.outcome() != null)
                    .map(t -> t.outcome().toAnswered().toMillis()).sorted().toList();
            totals.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s |%n", kind.label(),
                    trials.size(), trials.stream().filter(TrialResult::clean).count(),
                    sum(trials, TrialResult::recordsLost), sum(trials, TrialResult::duplicates),
                    sum(trials, t -> Math.max(0, t.unanswered())), sum(trials, TrialResult::differences),
                    recoveries.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f / %.1f",
                            seconds(recoveries.get(recoveries.size() / 2)), seconds(recoveries.get(recoveries.size() - 1)))));
        });
        return totals.toString();
    }

    private static String details(List<TrialResult> results) {
        StringBuilder details = new StringBuilder();
        for (TrialResult result : results) {
            if (result.clean()) {
                continue;
            }
            details.append(String.format("%n## Trial %d (%s at %d ms)%n", result.trial(), result.crash().kind().label(),
                    result.crash().moment().toMillis()));
            if (result.outcome() != null) {
                details.append("Logs and data: ").append(result.outcome().directory()).append('\n');
                result.outcome().unanswered().forEach(key -> details.append("- unanswered: ").append(key).append('\n'));
            }
            for (TableDiff diff : result.diffs()) {
                diff.missing().entrySet().stream().limit(LINES_SHOWN).forEach(line -> details.append("- ")
                        .append(diff.table()).append(" missing ×").append(line.getValue()).append(": ")
                        .append(line.getKey()).append('\n'));
                diff.extra().entrySet().stream().limit(LINES_SHOWN).forEach(line -> details.append("- ")
                        .append(diff.table()).append(" extra ×").append(line.getValue()).append(": ")
                        .append(line.getKey()).append('\n'));
            }
        }
        return details.toString();
    }

    private static long sum(List<TrialResult> trials, ToLongFunction<TrialResult> figure) {
        return trials.stream().mapToLong(figure).sum();
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }

    static String mask(String text) {
        return IDENTITY_NUMBER.matcher(text).replaceAll("$1********$2");
    }
}
