package cn.canbao.hub.compare;

import cn.canbao.hub.registry.SqlStatements;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What changed between two runs: the rules that differ, how many persons moved from which category to which,
 * and the persons whose category or flags differ, with both runs' reasons (paged by identity number).
 */
@Component
public class RunDiffs {

    public record Diff(long fromRun, long toRun, Map<String, RuleChange> rulesChanged, List<Transition> transitions,
                       List<PersonChange> persons, String nextAfter) {
    }

    public record RuleChange(Object from, Object to) {
    }

    /** Persons whose category went from {@code from} to {@code to}; null stands for "not in that run". */
    public record Transition(String from, String to, long persons) {
    }

    public record PersonChange(String idNumber, String fromCategory, String toCategory, List<String> fromFlags,
                               List<String> toFlags, Object fromReasons, Object toReasons) {
    }

    private static final String KEPT = SqlStatements.named("compare/diff-kept");
    private static final String TRANSITIONS = SqlStatements.named("compare/diff-transitions");
    private static final String PERSONS = SqlStatements.named("compare/diff-persons");

    private final NamedParameterJdbcTemplate jdbc;
    private final ComparisonRuns runs;
    private final ComparisonResults results;

    public RunDiffs(NamedParameterJdbcTemplate jdbc, ComparisonRuns runs, ComparisonResults results) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.results = results;
    }

    /**
     * @param after  the last identity number of the previous page, or null for the first page
     * @return empty when either run does not exist
     * @throws IllegalStateException when the results of either run are no longer kept
     */
    public Optional<Diff> diff(long from, long to, String after, int limit) {
        Optional<ComparisonRuns.Run> fromRun = runs.find(from);
        Optional<ComparisonRuns.Run> toRun = runs.find(to);
        if (fromRun.isEmpty() || toRun.isEmpty()) {
            return Optional.empty();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("from", from).addValue("to", to)
                .addValue("after", after == null ? "" : after).addValue("limit", limit);
        Boolean kept = jdbc.queryForObject(KEPT, parameters, Boolean.class);
        if (!Boolean.TRUE.equals(kept)) {
            throw new IllegalStateException("the results of run " + from + " or " + to + " are no longer kept");
        }
        List<Transition> transitions = jdbc.query(TRANSITIONS, parameters,
                (rs, n) -> new Transition(rs.getString(1), rs.getString(2), rs.getLong(3)));
        List<PersonChange> persons = jdbc.query(PERSONS, parameters, (rs, n) -> new PersonChange(rs.getString(1),
                rs.getString(2), rs.getString(3), ComparisonResults.list(rs.getString(4)),
                ComparisonResults.list(rs.getString(5)), results.parse(rs.getString(6)), results.parse(rs.getString(7))));
        String nextAfter = persons.size() == limit ? persons.get(persons.size() - 1).idNumber() : null;
        return Optional.of(new Diff(from, to, rulesChanged(fromRun.get().rules(), toRun.get().rules()), transitions,
                persons, nextAfter));
    }

    private static Map<String, RuleChange> rulesChanged(Map<String, Object> from, Map<String, Object> to) {
        Map<String, RuleChange> changed = new TreeMap<>();
        TreeSet<String> keys = new TreeSet<>(from.keySet());
        keys.addAll(to.keySet());
        for (String key : keys) {
            if (!Objects.equals(from.get(key), to.get(key))) {
                changed.put(key, new RuleChange(from.get(key), to.get(key)));
            }
        }
        return changed;
    }
}
