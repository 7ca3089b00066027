package cn.canbao.hub.registry;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the typed current tables and the merged person view up to date with source_record, set-based and
 * incrementally (docs/registry.md, "Refresh"; the statements are sql/registry/refresh/): only the source keys with
 * new records (or every key of a system that delivered a new full snapshot) are derived again, and only the persons
 * they belong to are merged again.
 *
 * <p>New records are those above the high water mark, plus those in gaps: id ranges above an earlier mark that
 * were not visible then because the transaction writing them (a file's intake holds one open for the whole file)
 * had not committed yet. A gap is dropped once no transaction that began before it was noted is still open, so a
 * late commit is never missed and a rolled-back range is not looked at forever.
 *
 * <p>The persons merged again go into the change log (registry_person_change) in the same transaction, which the
 * national exchange's PERSON_INCREMENT reads (docs/national.md).
 */
@Component
public class RegistryRefresh {

    private static final Logger log = LoggerFactory.getLogger(RegistryRefresh.class);

    public record Result(long recordsRead, long keys, long persons, long highWater, Duration took) {
    }

    /**
     * The tables of derived rows, each emptied for the keys derived again ({@code delete-<t>}), then filled again by
     * two statements that parse each record they need once: {@code insert-current} (the current records) and
     * {@code insert-ended} (what the keys no longer current said last; docs/registry.md, "Ended statements").
     */
    private static final List<String> DERIVED_ROWS = List.of("statements", "participations", "students", "custody",
            "assistance", "cards", "ended-statements", "ended-participations");

    /** Up to a fifth of the registry's persons, their coverage is read through the participations' person index. */
    private static final int INDEX_SHARE_DENOMINATOR = 5;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SourcePrecedence precedence;

    public RegistryRefresh(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                           SourcePrecedence precedence) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.precedence = precedence;
    }

    public Result refresh() {
        long started = System.nanoTime();
        Result result = transaction.execute(status -> apply(started));
        log.info("Registry refresh: {} records read, {} source keys and {} persons derived again in {} ms",
                result.recordsRead(), result.keys(), result.persons(), result.took().toMillis());
        return result;
    }

    private Result apply(long started) {
        MapSqlParameterSource none = new MapSqlParameterSource();
        long highWater = jdbc.queryForObject(statement("high-water"), none, Long.class);
        // taken before the records are read: every transaction that began earlier has ended by then
        OffsetDateTime horizon = jdbc.queryForObject(statement("horizon"), none, OffsetDateTime.class);
        jdbc.update(statement("empty-work-tables"), none);
        MapSqlParameterSource mark = new MapSqlParameterSource("highWater", highWater).addValue("horizon", horizon);
        long read = jdbc.update(statement("read-records"), mark);
        long newHighWater = jdbc.queryForObject(statement("new-high-water"), mark, Long.class);
        jdbc.update(statement("split-gaps"), mark);
        jdbc.update(statement("note-gaps"), mark);
        jdbc.update(statement("drop-gaps"), mark);

        jdbc.update(statement("keys-of-records"), none);
        jdbc.update(statement("keys-of-snapshots"), none);
        jdbc.update(statement("analyse-records-and-keys"), none);
        long keys = jdbc.queryForObject(statement("count-keys"), none, Long.class);
        long mergedAgain = jdbc.update(statement("persons-of-keys"), none);
        jdbc.update(statement("latest-statements"), none);
        jdbc.update(statement("analyse-latest-statements"), none);
        jdbc.update(statement("remember-latest-statements"), none);
        jdbc.update(statement("current-records"), none);
        jdbc.update(statement("analyse-current-records"), none);
        jdbc.update(statement("file-records-under-persons"), none);
        replaceDerivedRows();
        coverMergedPersons(mergedAgain);
        long persons = mergePersons();
        jdbc.update(statement("advance-high-water"), new MapSqlParameterSource("highWater", newHighWater));
        // after the row lock advance-high-water took: the change log's numbers follow the refreshes' commits
        jdbc.update(statement("note-person-changes"), none);
        return new Result(read, keys, persons, newHighWater, Duration.ofNanos(System.nanoTime() - started));
    }

    private void replaceDerivedRows() {
        MapSqlParameterSource none = new MapSqlParameterSource();
        DERIVED_ROWS.forEach(rows -> jdbc.update(statement("delete-" + rows), none));
        jdbc.update(statement("insert-current"), none);
        jdbc.update(statement("insert-ended"), none);
    }

    /**
     * The coverage of the persons merged again, into registry_refresh_covered for the merge; for up to a fifth of the
     * registry's persons through the participations' person index, which the planner would not choose
     * (docs/registry.md, "Coverage"). A larger share, such as the first refresh of a registry, is left to the planner.
     */
    private void coverMergedPersons(long mergedAgain) {
        MapSqlParameterSource none = new MapSqlParameterSource();
        // the planner's own estimate of the persons (-1 before the table was first analysed: then it plans alone)
        double registered = jdbc.queryForObject(statement("registered-persons"), none, Double.class);
        boolean throughPersonIndex = mergedAgain * INDEX_SHARE_DENOMINATOR < registered;
        if (throughPersonIndex) {
            jdbc.queryForList(statement("coverage-through-person-index-settings"), none);
        }
        jdbc.update(statement("coverage"), none);
        if (throughPersonIndex) {
            jdbc.queryForList(statement("default-join-settings"), none);
        }
    }

    private long mergePersons() {
        MapSqlParameterSource byPrecedence = new MapSqlParameterSource("precedence", precedence.asSqlList());
        jdbc.update(statement("delete-merged-persons"), byPrecedence);
        jdbc.update(statement("delete-conflicts"), byPrecedence);
        long persons = jdbc.update(statement("merge-persons"), byPrecedence);
        jdbc.update(statement("merge-conflicts"), byPrecedence);
        return persons;
    }

    private static String statement(String name) {
        return SqlStatements.named("registry/refresh/" + name);
    }
}
