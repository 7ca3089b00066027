package cn.canbao.hub.registry;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the typed current tables and the merged person view up to date with source_record, set-based and
 * incrementally: only the source keys with new records (or every key of a system that delivered a new full
 * snapshot) are derived again, and only the persons they belong to are merged again.
 *
 * <p>New records are those above the high water mark, plus those in gaps: id ranges above an earlier mark that
 * were not visible then because the transaction writing them (a file's intake holds one open for the whole file)
 * had not committed yet. A gap is dropped once no transaction that began before it was noted is still open, so a
 * late commit is never missed and a rolled-back range is not looked at forever.
 */
@Component
public class RegistryRefresh {

    private static final Logger log = LoggerFactory.getLogger(RegistryRefresh.class);

    public record Result(long recordsRead, long keys, long persons, long highWater, Duration took) {
    }

    /**
     * The coverage columns of registry_person (V10 migration), summarised from the merged persons' current
     * participations by the view registry_refresh_coverage: what a comparison run needs of them.
     */
    private static final List<String> COVERAGE = List.of("held_schemes", "drawing_schemes", "drawing_twice",
            "paid_110", "paid_120", "paid_170", "paid_210", "paid_310", "paid_390", "paid_410", "paid_510",
            "second_paid", "employed_paid_110", "employed_paid_120");
    /** The scheme masks, 0 (not null) for a person without participations, whom the view has no row for. */
    private static final Set<String> MASKS = Set.of("held_schemes", "drawing_schemes", "drawing_twice");
    private static final String COVERAGE_COLUMNS = String.join(", ", COVERAGE);
    private static final String COVERAGE_OF_C = COVERAGE.stream()
            .map(column -> MASKS.contains(column) ? "coalesce(c." + column + ", 0)" : "c." + column)
            .collect(Collectors.joining(", "));

    /** Up to a fifth of the registry's persons, their coverage is read through the participations' person index. */
    private static final int INDEX_SHARE_DENOMINATOR = 5;
    /** Turned off for the coverage of such a share, so that only a nested loop over the index is left to plan. */
    private static final List<String> SET_JOINS = List.of("enable_hashjoin", "enable_mergejoin");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SourcePrecedence precedence;
    private final String timeZone;

    public RegistryRefresh(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                           SourcePrecedence precedence, @Value("${canbao.time-zone}") String timeZone) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.precedence = precedence;
        this.timeZone = timeZone;
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
        long highWater = jdbc.queryForObject("SELECT high_water FROM registry_refresh WHERE id = 1 FOR UPDATE",
                none, Long.class);
        // taken before the records are read: every transaction that began earlier has ended by then
        OffsetDateTime horizon = jdbc.queryForObject("SELECT coalesce(min(xact_start), clock_timestamp()) "
                + "FROM pg_stat_activity WHERE backend_type = 'client backend' AND xact_start IS NOT NULL "
                + "AND pid <> pg_backend_pid()", none, OffsetDateTime.class);
        jdbc.update("TRUNCATE registry_refresh_row, registry_refresh_key, registry_refresh_latest, "
                + "registry_refresh_current, registry_refresh_person, registry_refresh_covered", none);
        MapSqlParameterSource mark = new MapSqlParameterSource("highWater", highWater).addValue("horizon", horizon);
        long read = jdbc.update("""
                INSERT INTO registry_refresh_row (id, system, source_key, id_number, operation, stated_at)
                SELECT v.source_record_id, v.system, v.source_key, v.id_number, v.operation, v.stated_at
                FROM source_statement v WHERE v.source_record_id > :highWater
                UNION ALL
                SELECT v.source_record_id, v.system, v.source_key, v.id_number, v.operation, v.stated_at
                FROM registry_refresh_gap g JOIN source_statement v ON v.source_record_id BETWEEN g.from_id AND g.to_id
                """, mark);
        long newHighWater = jdbc.queryForObject("SELECT coalesce(max(id), :highWater) FROM registry_refresh_row",
                mark, Long.class);
        updateGaps(mark);

        jdbc.update("""
                INSERT INTO registry_refresh_key (system, source_key)
                SELECT DISTINCT system, source_key FROM registry_refresh_row WHERE id_number IS NOT NULL
                """, none);
        // a new full snapshot may end what the system said before about keys it no longer lists
        jdbc.update("""
                INSERT INTO registry_refresh_key (system, source_key)
                SELECT st.system, st.source_key FROM registry_statement st
                WHERE st.system IN (SELECT DISTINCT system FROM registry_refresh_row WHERE operation = 'SNAPSHOT')
                ON CONFLICT DO NOTHING
                """, none);
        long keys = jdbc.queryForObject("SELECT count(*) FROM registry_refresh_key", none, Long.class);
        long mergedAgain = jdbc.update("""
                INSERT INTO registry_refresh_person (id_number)
                SELECT id_number FROM registry_refresh_row WHERE id_number IS NOT NULL
                UNION
                SELECT st.id_number FROM registry_statement st
                JOIN registry_refresh_key k ON k.system = st.system AND k.source_key = st.source_key
                """, none);
        applyLatestStatements();
        jdbc.update("""
                INSERT INTO source_record_person (id_number, source_record_id)
                SELECT id_number, id FROM registry_refresh_row WHERE id_number IS NOT NULL ORDER BY id_number, id
                ON CONFLICT DO NOTHING
                """, none);
        replaceDerivedRows();
        coverMergedPersons(mergedAgain);
        long persons = mergePersons();
        jdbc.update("UPDATE registry_refresh SET high_water = :highWater, refreshed_at = now() WHERE id = 1",
                new MapSqlParameterSource("highWater", newHighWater));
        return new Result(read, keys, persons, newHighWater, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The latest statement of every key in view — the new records against what source_key_latest says of their
     * keys, so history is never searched by key — and from it the records that are current now.
     */
    private void applyLatestStatements() {
        MapSqlParameterSource none = new MapSqlParameterSource();
        jdbc.update("""
                INSERT INTO registry_refresh_latest (system, source_key, source_record_id, stated_at, operation)
                SELECT DISTINCT ON (c.system, c.source_key) c.system, c.source_key, c.source_record_id, c.stated_at,
                       c.operation
                FROM (SELECT r.system, r.source_key, r.id AS source_record_id, r.stated_at, r.operation
                      FROM registry_refresh_row r
                      UNION ALL
                      SELECT l.system, l.source_key, l.source_record_id, l.stated_at, l.operation
                      FROM source_key_latest l
                      WHERE (l.system, l.source_key) IN (SELECT system, source_key FROM registry_refresh_key
                                                         UNION SELECT system, source_key FROM registry_refresh_row)) c
                ORDER BY c.system, c.source_key, c.stated_at DESC, c.source_record_id DESC
                """, none);
        jdbc.update("""
                INSERT INTO source_key_latest (system, source_key, source_record_id, stated_at, operation)
                SELECT system, source_key, source_record_id, stated_at, operation FROM registry_refresh_latest
                ORDER BY system, source_key
                ON CONFLICT (system, source_key) DO UPDATE
                SET source_record_id = EXCLUDED.source_record_id, stated_at = EXCLUDED.stated_at,
                    operation = EXCLUDED.operation
                WHERE source_key_latest.source_record_id <> EXCLUDED.source_record_id
                """, none);
        jdbc.update("""
                INSERT INTO registry_refresh_current (source_record_id)
                SELECT latest.source_record_id
                FROM registry_refresh_latest latest
                JOIN registry_refresh_key k ON k.system = latest.system AND k.source_key = latest.source_key
                LEFT JOIN (SELECT system, max(received_at) AS full_at FROM intake_file
                           WHERE kind = 'FULL' AND status IN ('ACCEPTED', 'PARTIAL') GROUP BY system) f
                       ON f.system = latest.system
                WHERE latest.operation <> 'DELETE' AND (f.full_at IS NULL OR latest.stated_at >= f.full_at)
                """, none);
    }

    /** Splits the gaps in which records appeared, notes the new ones, drops those no open transaction can fill. */
    private void updateGaps(MapSqlParameterSource mark) {
        jdbc.update("""
                WITH touched AS (
                    DELETE FROM registry_refresh_gap g
                    WHERE EXISTS (SELECT 1 FROM registry_refresh_row r WHERE r.id BETWEEN g.from_id AND g.to_id)
                    RETURNING g.from_id, g.to_id, g.noted_at),
                bounds AS (
                    SELECT t.from_id AS gap, t.noted_at, t.from_id - 1 AS b FROM touched t
                    UNION ALL SELECT t.from_id, t.noted_at, t.to_id + 1 FROM touched t
                    UNION ALL SELECT t.from_id, t.noted_at, r.id
                              FROM touched t JOIN registry_refresh_row r ON r.id BETWEEN t.from_id AND t.to_id),
                pieces AS (
                    SELECT noted_at, b, lead(b) OVER (PARTITION BY gap ORDER BY b) AS next_b FROM bounds)
                INSERT INTO registry_refresh_gap (from_id, to_id, noted_at)
                SELECT b + 1, next_b - 1, noted_at FROM pieces WHERE next_b > b + 1
                """, mark);
        // noted after the records were read: whoever owns an id in the gap began before this statement
        jdbc.update("""
                INSERT INTO registry_refresh_gap (from_id, to_id, noted_at)
                SELECT previous + 1, id - 1, clock_timestamp()
                FROM (SELECT id, lag(id, 1, CAST(:highWater AS BIGINT)) OVER (ORDER BY id) AS previous
                      FROM registry_refresh_row WHERE id > :highWater) r
                WHERE id > previous + 1
                """, mark);
        jdbc.update("DELETE FROM registry_refresh_gap WHERE noted_at < :horizon", mark);
    }

    private void replaceDerivedRows() {
        MapSqlParameterSource none = new MapSqlParameterSource();
        for (String table : new String[] {"registry_statement", "registry_participation", "registry_student",
                "registry_custody", "registry_assistance", "registry_card"}) {
            jdbc.update("DELETE FROM " + table + " t USING registry_refresh_key k "
                    + "WHERE t.system = k.system AND t.source_key = k.source_key", none);
        }
        jdbc.update("""
                INSERT INTO registry_statement (system, source_key, id_number, source_record_id, stated_at, name, sex,
                    ethnicity, birth_date, population_category, household_region, residence_region, vital_status,
                    address, status_changed_on)
                SELECT v.system, v.source_key, v.id_number, v.source_record_id, v.stated_at, left(v.name, 100), v.sex,
                       v.ethnicity, v.birth_date, v.population_category, v.household_region, v.residence_region,
                       v.vital_status, left(v.address, 300), v.status_changed_on
                FROM registry_refresh_current c JOIN source_statement v ON v.source_record_id = c.source_record_id
                """, none);
        jdbc.update("""
                INSERT INTO registry_participation (system, source_key, ordinal, id_number, scheme, insured_region,
                    employer_id, contribution_status, person_status, start_date, end_date, last_paid_month,
                    source_record_id)
                SELECT s.system, s.source_key, e.ordinal, s.id_number, e.scheme, e.insured_region,
                       left(e.employer_id, 40), e.contribution_status, e.person_status, e.start_date, e.end_date,
                       to_date(e.last_paid_month, 'YYYY-MM'), s.id
                FROM registry_refresh_current c
                JOIN source_record s ON s.id = c.source_record_id
                CROSS JOIN LATERAL ROWS FROM (json_to_recordset(s.payload -> 'participations') AS (scheme text,
                    "insuredRegion" text, "employerId" text, "contributionStatus" text, "personStatus" text,
                    "startDate" date, "endDate" date, "lastPaidMonth" text))
                    WITH ORDINALITY AS e(scheme, insured_region, employer_id, contribution_status, person_status,
                                         start_date, end_date, last_paid_month, ordinal)
                """, none);
        jdbc.update("""
                INSERT INTO registry_student (system, source_key, id_number, stage, school, school_region,
                    enrolled_month, source_record_id)
                SELECT s.system, s.source_key, s.id_number, f ->> 'stage', left(f ->> 'school', 200),
                       f ->> 'schoolRegion', to_date(f ->> 'enrolledMonth', 'YYYY-MM'), s.id
                FROM registry_refresh_current c JOIN source_record s ON s.id = c.source_record_id,
                     LATERAL (SELECT s.payload #> '{facts,student}') x(f)
                WHERE f IS NOT NULL
                """, none);
        jdbc.update("""
                INSERT INTO registry_custody (system, source_key, id_number, custody_from, custody_until, facility,
                    facility_region, status, stated_on, source_record_id)
                SELECT v.system, v.source_key, v.id_number, (f ->> 'from')::date, (f ->> 'until')::date,
                       left(f ->> 'facility', 200), f ->> 'facilityRegion', f ->> 'status',
                       (v.stated_at AT TIME ZONE :timeZone)::date, v.source_record_id
                FROM registry_refresh_current c JOIN source_statement v ON v.source_record_id = c.source_record_id,
                     LATERAL (SELECT v.payload #> '{facts,custody}') x(f)
                WHERE f IS NOT NULL
                """, new MapSqlParameterSource("timeZone", timeZone));
        jdbc.update("""
                INSERT INTO registry_assistance (system, source_key, id_number, category, region, valid_from, valid_to,
                    source_record_id)
                SELECT s.system, s.source_key, s.id_number, f ->> 'category', f ->> 'region',
                       (f ->> 'validFrom')::date, (f ->> 'validTo')::date, s.id
                FROM registry_refresh_current c JOIN source_record s ON s.id = c.source_record_id,
                     LATERAL (SELECT s.payload #> '{facts,assistance}') x(f)
                WHERE f IS NOT NULL
                """, none);
        jdbc.update("""
                INSERT INTO registry_card (system, source_key, id_number, card_no, issue_region, status, issue_date,
                    source_record_id)
                SELECT s.system, s.source_key, s.id_number, left(f ->> 'cardNo', 20), f ->> 'issueRegion',
                       f ->> 'status', (f ->> 'issueDate')::date, s.id
                FROM registry_refresh_current c JOIN source_record s ON s.id = c.source_record_id,
                     LATERAL (SELECT s.payload #> '{facts,card}') x(f)
                WHERE f IS NOT NULL
                """, none);
    }

    /**
     * The coverage of the persons merged again, into registry_refresh_covered for the merge. The planner reads every
     * participation of the registry for as few as 3,000 persons: it takes a person to hold 20 of them (ANALYZE's
     * sample counts 0.7 M distinct persons among 15 M participations where there are 6 M). Through the person index
     * the view took, for 10,000 / 100,000 / 1,000,000 of 6 M persons, 0.2-0.3 / 1.4-1.9 / 8.7-10.0 s instead of
     * 1.8-4.0 / 6.0-8.2 / 10.9-13.0 s (docs/performance.md, "Seventh round"); a larger share, such as the first
     * refresh of a registry, is left to the planner.
     */
    private void coverMergedPersons(long mergedAgain) {
        MapSqlParameterSource none = new MapSqlParameterSource();
        // the planner's own estimate of the persons (-1 before the table was first analysed: then it plans alone)
        double registered = jdbc.queryForObject(
                "SELECT reltuples FROM pg_class WHERE oid = CAST('registry_person' AS regclass)", none, Double.class);
        boolean throughPersonIndex = mergedAgain * INDEX_SHARE_DENOMINATOR < registered;
        if (throughPersonIndex) {
            SET_JOINS.forEach(setting -> jdbc.update("SET LOCAL " + setting + " = off", none));
        }
        jdbc.update("INSERT INTO registry_refresh_covered SELECT * FROM registry_refresh_coverage", none);
        if (throughPersonIndex) {
            SET_JOINS.forEach(setting -> jdbc.update("SET LOCAL " + setting + " TO DEFAULT", none));
        }
    }

    private long mergePersons() {
        MapSqlParameterSource byPrecedence = new MapSqlParameterSource("precedence", precedence.asSqlList());
        String touched = "registry_statement st JOIN registry_refresh_person rp ON rp.id_number = st.id_number";
        jdbc.update("DELETE FROM registry_person p USING registry_refresh_person r WHERE p.id_number = r.id_number",
                byPrecedence);
        jdbc.update("DELETE FROM registry_conflict c USING registry_refresh_person r WHERE c.id_number = r.id_number",
                byPrecedence);
        long persons = jdbc.update("INSERT INTO registry_person (" + MergeSql.PERSON_COLUMNS + ", "
                + COVERAGE_COLUMNS + ") SELECT m.*, " + COVERAGE_OF_C + " FROM (" + MergeSql.mergedPersonFrom(touched)
                + ") m LEFT JOIN registry_refresh_covered c ON c.id_number = m.id_number", byPrecedence);
        jdbc.update("INSERT INTO registry_conflict (id_number, field, statements, noted_at) "
                + MergeSql.conflictsFrom(touched), byPrecedence);
        return persons;
    }
}
