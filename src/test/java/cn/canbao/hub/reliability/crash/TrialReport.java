package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Snapshot.TableDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
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

    static String write(HarnessSettings settings, Workload workload, RunOutcome reference, List<TrialResult> results,
                        Duration elapsed) throws IOException {
        StringBuilder report = new StringBuilder("# Crash trials\n\n")
                .append(format("Seed %d, %d trials; workload: %s; crash window %d ms; template, reference run and "
                        + "trials took %.1f min.%n", settings.seed(), results.size(), workload,
                        settings.window().toMillis(), elapsed.toSeconds() / 60.0))
                .append(format("Reference run: all answered %s s after the first send, %d unanswered, "
                        + "%d extra receipts.%n%n", seconds(reference.toAnswered()), reference.unanswered().size(),
                        reference.extraReceipts()))
                .append("| trial | seed | crash | moment (ms) | load avg | restart → healthy (s) "
                        + "| restart → all answered (s) | partner retries | records lost | duplicates | unanswered "
                        + "| differences | verdict |\n")
                .append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        results.forEach(result -> report.append(row(result)));
        report.append('\n').append(totals(results)).append(details(results));
        String text = mask(report.toString());
        Files.writeString(settings.output().resolve("report.md"), text, StandardCharsets.UTF_8);
        return text;
    }

    static String mask(String text) {
        return IDENTITY_NUMBER.matcher(text).replaceAll("$1********$2");
    }

    private static String row(TrialResult result) {
        RunOutcome outcome = result.outcome();
        String verdict = result.clean() ? "clean"
                : result.failure() != null ? "FAILED: " + result.failure() : "NOT CLEAN";
        return format("| %d | %d | %s | %d | %s | %s | %s | %s | %d | %d | %d | %d | %s |%n", result.trial(),
                result.seed(), result.crash().kind().label(), result.crash().moment().toMillis(),
                outcome == null ? "–" : format("%.1f", outcome.loadAverage()),
                outcome == null ? "–" : seconds(outcome.toHealthy()),
                outcome == null ? "–" : seconds(outcome.toAnswered()),
                outcome == null ? "–" : Integer.toString(outcome.partnerRetries()),
                result.recordsLost(), result.duplicates(), result.unanswered(), result.differences(), verdict);
    }

    private static String totals(List<TrialResult> results) {
        Map<CrashKind, List<TrialResult>> byKind = new EnumMap<>(CrashKind.class);
        results.forEach(r -> byKind.computeIfAbsent(r.crash().kind(), k -> new ArrayList<>()).add(r));
        StringBuilder totals = new StringBuilder("| crash | trials | clean | records lost | duplicates | unanswered "
                + "| differences | restart → all answered, median / max (s) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        byKind.forEach((kind, trials) -> {
            List<Duration> recoveries = trials.stream().filter(t -> t.outcome() != null)
                    .map(t -> t.outcome().toAnswered()).sorted().toList();
            String recovery = recoveries.isEmpty() ? "–" : seconds(recoveries.get(recoveries.size() / 2)) + " / "
                    + seconds(recoveries.get(recoveries.size() - 1));
            totals.append(format("| %s | %d | %d | %d | %d | %d | %d | %s |%n", kind.label(), trials.size(),
                    trials.stream().filter(TrialResult::clean).count(), sum(trials, TrialResult::recordsLost),
                    sum(trials, TrialResult::duplicates), sum(trials, t -> Math.max(0, t.unanswered())),
                    sum(trials, TrialResult::differences), recovery));
        });
        return totals.toString();
    }

    private static String details(List<TrialResult> results) {
        StringBuilder details = new StringBuilder();
        for (TrialResult result : results) {
            if (result.clean()) {
                continue;
            }
            details.append(format("%n## Trial %d (%s at %d ms)%n", result.trial(), result.crash().kind().label(),
                    result.crash().moment().toMillis()));
            if (result.outcome() != null) {
                details.append("Logs and data: ").append(result.outcome().directory()).append('\n');
                result.outcome().unanswered().forEach(key -> details.append("- unanswered: ").append(key).append('\n'));
            }
            for (TableDiff diff : result.diffs()) {
                lines(details, diff.table() + " missing", diff.missing());
                lines(details, diff.table() + " extra", diff.extra());
            }
        }
        return details.toString();
    }

    private static void lines(StringBuilder details, String what, Map<String, Long> lines) {
        lines.entrySet().stream().limit(LINES_SHOWN).forEach(line -> details.append("- ").append(what).append(" ×")
                .append(line.getValue()).append(": ").append(line.getKey()).append('\n'));
    }

    private static long sum(List<TrialResult> trials, ToLongFunction<TrialResult> figure) {
        return trials.stream().mapToLong(figure).sum();
    }

    private static String seconds(Duration duration) {
        return format("%.1f", duration.toMillis() / 1000.0);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
