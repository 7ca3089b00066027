package cn.canbao.hub.province;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agreement of a comparison run with the ground truth: a confusion matrix of expected × actual category and
 * every disagreement — a person whose category, exclusion, flags (persons of the population base) or 缺少险种
 * (rostered persons) differ, a person one side does not have, a record that should be in quarantine with its code
 * and is not, or one quarantined that should not be.
 */
final class Agreement {

    /** What the run found for a person. */
    record Actual(String idNumber, String category, String exclusion, Set<String> flags, Set<String> missing) {
    }

    private static final Set<String> ROSTERED = Set.of("UNINSURED", "LAPSED", "PARTIAL");
    private static final String NONE = "(none)";
    private static final int DISAGREEMENTS_SHOWN = 200;

    private final Map<String, Map<String, Long>> matrix = new TreeMap<>();
    private final List<String> disagreements = new ArrayList<>();
    private long persons;
    private long disagreeing;

    /** One person; either side may be null (the person is missing there). */
    void compare(Truth.Expected expected, Actual actual) {
        persons++;
        String expectedCategory = expected == null ? NONE : expected.category();
        String actualCategory = actual == null ? NONE : actual.category();
        matrix.computeIfAbsent(expectedCategory, c -> new TreeMap<>()).merge(actualCategory, 1L, Long::sum);
        String difference = difference(expected, actual);
        if (difference != null) {
            disagree(mask(expected != null ? expected.idNumber() : actual.idNumber())
                    + (expected == null ? "" : " (" + expected.kind() + ")") + ": " + difference);
        }
    }

    private static String difference(Truth.Expected expected, Actual actual) {
        if (expected == null) {
            return "not in the truth, the run has it as " + actual.category();
        }
        if (actual == null) {
            return "expected " + expected.category() + ", the run does not have the person";
        }
        if (!expected.category().equals(actual.category())) {
            return "expected " + describe(expected.category(), expected.exclusion(), expected.flags(),
                    expected.missing()) + ", actual " + describe(actual.category(), actual.exclusion(), actual.flags(),
                    actual.missing());
        }
        if (expected.category().equals("NOT_IN_POPULATION")) {
            return null;
        }
        if (!Objects.equals(expected.exclusion(), actual.exclusion())) {
            return "exclusion expected " + expected.exclusion() + ", actual " + actual.exclusion();
        }
        if (!expected.flags().equals(actual.flags())) {
            return expected.category() + ": flags expected " + expected.flags() + ", actual " + actual.flags();
        }
        if (ROSTERED.contains(expected.category()) && !expected.missing().equals(actual.missing())) {
            return expected.category() + ": 缺少险种 expected " + expected.missing() + ", actual " + actual.missing();
        }
        return null;
    }

    private static String describe(String category, String exclusion, Set<String> flags, Set<String> missing) {
        return category + (exclusion == null ? "" : "/" + exclusion) + (flags.isEmpty() ? "" : " " + flags)
                + (missing.isEmpty() ? "" : " missing " + missing);
    }

    /** The expected and the actual quarantine entries, each "system file record code". */
    void compareQuarantine(Set<String> expected, Set<String> actual) {
        Set<String> absent = new TreeSet<>(expected);
        absent.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        absent.forEach(entry -> disagree("quarantine: expected, not found: " + entry));
        unexpected.forEach(entry -> disagree("quarantine: not expected: " + mask(entry)));
        quarantineExpected = expected.size();
        quarantineFound = expected.size() - absent.size();
    }

    private long quarantineExpected;
    private long quarantineFound;

    private void disagree(String line) {
        disagreeing++;
        if (disagreements.size() < DISAGREEMENTS_SHOWN) {
            disagreements.add(line);
        }
    }

    boolean agrees() {
        return disagreeing == 0;
    }

    long disagreements() {
        return disagreeing;
    }

    List<String> disagreementLines() {
        return List.copyOf(disagreements);
    }

    String report() {
        Set<String> columns = new TreeSet<>();
        matrix.values().forEach(row -> columns.addAll(row.keySet()));
        StringBuilder report = new StringBuilder(String.format("%,d persons compared; expected (rows) × actual "
                + "(columns):%n%-18s", persons, ""));
        columns.forEach(column -> report.append(String.format("%18s", column)));
        report.append('\n');
        matrix.forEach((row, counts) -> {
            report.append(String.format("%-18s", row));
            columns.forEach(column -> report.append(String.format("%18s", counts.containsKey(column)
                    ? String.format("%,d", counts.get(column)) : "·")));
            report.append('\n');
        });
        report.append(String.format("quarantine: %,d of %,d expected entries found%n", quarantineFound,
                quarantineExpected));
        report.append(disagreeing == 0 ? "AGREE: every person and every quarantined record as expected\n"
                : String.format("DISAGREE: %,d disagreements%s%n", disagreeing, disagreeing > disagreements.size()
                ? " (the first " + disagreements.size() + " below)" : ""));
        disagreements.forEach(line -> report.append("  ").append(line).append('\n'));
        return report.toString();
    }

    /** 630102********1234: the region and the last four characters, as the hub's logs show numbers. */
    static String mask(String text) {
        return text.replaceAll("(\\d{6})\\d{8}(\\d{3}[\\dXx])", "$1********$2");
    }
}
