package cn.canbao.hub.compare;

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

    private static final String CHANGED = """
            FROM (SELECT * FROM comparison_result WHERE run_id = :from) a
            FULL JOIN (SELECT * FROM comparison_result WHERE run_id = :to) b ON b.id_key = a.id_key
            -- no flags: NULL since V14, an empty array in runs stored before
            WHERE a.category IS DISTINCT FROM b.category
               OR coalesce(a.flags, '{}') IS DISTINCT FROM coalesce(b.flags, '{}')
            """;

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
        Boolean kept = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM comparison_result WHERE run_id = :from) "
                + "AND EXISTS (SELECT 1 FROM comparison_result WHERE run_id = :to)", parameters, Boolean.class);
        if (!Boolean.TRUE.equals(kept)) {
            throw new IllegalStateException("the results of run " + from + " or " + to + " are no longer kept");
        }
        List<Transition> transitions = jdbc.query("SELECT a.category, b.category, count(*) " + CHANGED
                        + " AND a.category IS DISTINCT FROM b.category GROUP BY a.category, b.category "
                        + "ORDER BY count(*) DESC, a.category, b.category", parameters,
                (rs, n) -> new Transition(rs.getString(1), rs.getString(2), rs.getLong(3)));
        List<PersonChange> persons = jdbc.query("""
                SELECT coalesce(a.id_number, b.id_number) AS id_number, a.category, b.category,
                       array_to_string(a.flags, ','), array_to_string(b.flags, ','),
                       CAST(a.reasons AS text), CAST(b.reasons AS text)
                """ + CHANGED + " AND coalesce(a.id_number, b.id_number) > :after ORDER BY 1 LIMIT :limit",
                parameters, (rs, n) -> new PersonChange(rs.getString(1), rs.getString(2), rs.getString(3),
                        ComparisonResults.list(rs.getString(4)), ComparisonResults.list(rs.getString(5)),
                        results.parse(rs.getString(6)), results.parse(rs.getString(7))));
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
