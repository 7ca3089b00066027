package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Snapshot.TableDiff;
import java.util.List;

/**
 * One trial against the reference run. A record lost is a line of a registry table the reference has and the trial
 * lacks; a duplicate is a registry line the trial has too often, or a second receipt for the same event. Every other
 * difference (a receipt's content, a sync status, where a file ended up) counts under {@code differences}.
 *
 * @param failure why the trial could not be run to its end (e.g. the hub did not start again), or null
 */
record TrialResult(int trial, long seed, Crash crash, RunOutcome outcome, List<TableDiff> diffs, String failure) {

    static TrialResult compare(int trial, long seed, Crash crash, RunOutcome reference, RunOutcome outcome) {
        return new TrialResult(trial, seed, crash, outcome, outcome.snapshot().differencesFrom(reference.snapshot()),
                null);
    }

    static TrialResult failed(int trial, long seed, Crash crash, Exception failure) {
        return new TrialResult(trial, seed, crash, null, List.of(), failure.toString());
    }

    long recordsLost() {
        return diffs.stream().filter(d -> Snapshot.REGISTRY.contains(d.table()))
                .mapToLong(TableDiff::missingCount).sum();
    }

    long duplicates() {
        long registry = diffs.stream().filter(d -> Snapshot.REGISTRY.contains(d.table()))
                .mapToLong(TableDiff::extraCount).sum();
        return registry + (outcome == null ? 0 : outcome.extraReceipts());
    }

    long unanswered() {
        return outcome == null ? -1 : outcome.unanswered().size();
    }

    long differences() {
        return diffs.stream().mapToLong(d -> d.missingCount() + d.extraCount()).sum();
    }

    boolean clean() {
        return failure == null && recordsLost() == 0 && duplicates() == 0 && unanswered() == 0 && differences() == 0;
    }
}
