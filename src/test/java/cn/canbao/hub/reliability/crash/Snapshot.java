package cn.canbao.hub.reliability.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run leaves behind that a crash must not change, as lines per table (line → how often it occurs), without
 * wall-clock fields (times received or delivered) and without generated keys (row ids).
 */
record Snapshot(Map<String, Map<String, Long>> tables) {

    /** The registry's own tables: a line missing there is a record lost, a line too many a duplicate. */
    static final Set<String> REGISTRY = Set.of("source_record", "quarantine", "intake_event", "survey_result");

    Map<String, Long> table(String name) {
        return tables.getOrDefault(name, Map.of());
    }

    /** Lines by which each table of a trial differs from the reference run's. */
    List<TableDiff> differencesFrom(Snapshot reference) {
        Set<String> names = new TreeSet<>(reference.tables.keySet());
        names.addAll(tables.keySet());
        List<TableDiff> diffs = new ArrayList<>();
        for (String name : names) {
            Map<String, Long> expected = reference.table(name);
            Map<String, Long> actual = table(name);
            Map<String, Long> missing = surplus(expected, actual);
            Map<String, Long> extra = surplus(actual, expected);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                diffs.add(new TableDiff(name, missing, extra));
            }
        }
        return diffs;
    }

    private static Map<String, Long> surplus(Map<String, Long> of, Map<String, Long> over) {
        Map<String, Long> surplus = new TreeMap<>();
        of.forEach((line, count) -> {
            long more = count - over.getOrDefault(line, 0L);
            if (more > 0) {
                surplus.put(line, more);
            }
        });
        return surplus;
    }

    /** The lines of one table that the reference run has and a trial lacks, and those a trial has too many. */
    record TableDiff(String table, Map<String, Long> missing, Map<String, Long> extra) {

        long missingCount() {
            return missing.values().stream().mapToLong(Long::longValue).sum();
        }

        long extraCount() {
            return extra.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
