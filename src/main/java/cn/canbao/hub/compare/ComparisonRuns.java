package cn.canbao.hub.compare;

import cn.canbao.hub.registry.QuarantineCleanup;
import cn.canbao.hub.registry.RegistryRefresh;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the comparison (spec §8) for an as-of date, nightly (route compare-nightly) or on demand (REST), one at a
 * time: refresh the registry, look for clean-up candidates, classify every person, explain, detect alerts and
 * compute statistics in one transaction, then publish the rosters. Each run is stored with its rules, counts and
 * step timings.
 */
@Component("comparisonRuns")
public class ComparisonRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ComparisonRuns.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** A stored run. {@code counts}: persons per category and what the run produced; {@code steps}: milliseconds. */
    public record Run(long id, LocalDate asOf, String trigger, String rulesVersion, Map<String, Object> rules,
                      String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, Long durationMs,
                      Map<String, Object> counts, Map<String, Object> steps, String error) {
    }

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RegistryRefresh refresh;
    private final QuarantineCleanup cleanup;
    private final AlertDetection alerts;
    private final Statistics statistics;
    private final RosterPublisher rosters;
    private final ComparisonProperties properties;
    private final RosterProperties rosterProperties;
    private final String regionPrefix;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "comparison-run"));
    private final ExecutorService classifiers;

    public ComparisonRuns(DataSource dataSource, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                          RegistryRefresh refresh, QuarantineCleanup cleanup, AlertDetection alerts,
                          Statistics statistics, RosterPublisher rosters, ComparisonProperties properties,
                          RosterProperties rosterProperties, @Value("${canbao.region-prefix}") String regionPrefix,
                          @Value("${canbao.time-zone}") String timeZone) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.refresh = refresh;
        this.cleanup = cleanup;
        this.alerts = alerts;
        this.statistics = statistics;
        this.rosters = rosters;
        this.properties = properties;
        this.rosterProperties = rosterProperties;
        this.regionPrefix = regionPrefix;
        this.clock = Clock.system(ZoneId.of(timeZone));
        this.classifiers = Workers.pool(properties.parallelism(), "comparison-part");
    }

    /** The nightly run for today; a run in progress makes it a logged no-op. */
    public void runNightly() {
        try {
            run(LocalDate.now(clock), "NIGHTLY");
        } catch (RunInProgressException e) {
            log.warn("Nightly comparison skipped: another run is in progress");
        }
    }

    /**
     * Merges what arrived since the last refresh, so the merged person view is current between comparison
     * runs; empty while a run is under way (a run refreshes first itself, and its statements must read one registry).
     */
    public Optional<RegistryRefresh.Result> refreshRegistryUnlessRunning() {
        RunLock lock;
        try {
            lock = RunLock.acquire(dataSource);
        } catch (RunInProgressException e) {
            return Optional.empty();
        }
        try (lock) {
            return Optional.of(refresh.refresh());
        }
    }

    /**
     * Runs the comparison in the caller's thread and returns the finished run (COMPLETED or FAILED).
     *
     * @param asOf the as-of date; today in the province's time zone when null
     * @throws RunInProgressException when another run is in progress
     */
    public Run run(LocalDate asOf, String trigger) {
        return run(asOf, trigger, properties.rules());
    }

    /** Runs under rules other than the configured ones, e.g. to see what a rule change would do before making it. */
    public Run run(LocalDate asOf, String trigger, ComparisonProperties.Rules rules) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        RunLock lock = RunLock.acquire(dataSource);
        long id;
        try {
            id = begin(day, trigger, rules);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        execute(id, day, rules, lock);
        return find(id).orElseThrow();
    }

    /**
     * Starts a run in the background and returns it while RUNNING.
     *
     * @throws RunInProgressException when another run is in progress
     */
    public Run start(LocalDate asOf, String trigger) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        RunLock lock = RunLock.acquire(dataSource);
        try {
            long id = begin(day, trigger, properties.rules());
            background.execute(() -> execute(id, day, properties.rules(), lock));
            return find(id).orElseThrow();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Optional<Run> find(long id) {
        return jdbc.query(SELECT_RUN + "WHERE id = :id", new MapSqlParameterSource("id", id), (rs, n) -> run(rs))
                .stream().findFirst();
    }

    public List<Run> list(int limit) {
        return jdbc.query(SELECT_RUN + "ORDER BY id DESC LIMIT :limit", new MapSqlParameterSource("limit", limit),
                (rs, n) -> run(rs));
    }

    public Optional<Run> latestCompleted() {
        return jdbc.query(SELECT_RUN + "WHERE status = 'COMPLETED' ORDER BY id DESC LIMIT 1",
                new MapSqlParameterSource(), (rs, n) -> run(rs)).stream().findFirst();
    }

    private static final String SELECT_RUN = "SELECT id, as_of, trigger, rules_version, CAST(rules AS text) AS rules, "
            + "status, started_at, finished_at, duration_ms, CAST(counts AS text) AS counts, "
            + "CAST(steps AS text) AS steps, error FROM comparison_run ";

    private Run run(ResultSet rs) throws SQLException {
        long duration = rs.getLong("duration_ms");
        return new Run(rs.getLong("id"), rs.getObject("as_of", LocalDate.class), rs.getString("trigger"),
                rs.getString("rules_version"), map(rs.getString("rules")), rs.getString("status"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.wasNull() ? null : duration, map(rs.getString("counts")), map(rs.getString("steps")),
                rs.getString("error"));
    }

    private long begin(LocalDate asOf, String trigger, ComparisonProperties.Rules rules) {
        // the lock is ours: a run still marked RUNNING was cut short by a stop of the hub
        jdbc.update("UPDATE comparison_run SET status = 'FAILED', finished_at = now(), "
                + "error = 'interrupted: the hub stopped during the run' WHERE status = 'RUNNING'",
                new MapSqlParameterSource());
        String rulesJson = write(rules);
        return jdbc.queryForObject("""
                INSERT INTO comparison_run (as_of, trigger, rules_version, rules, status, started_at)
                VALUES (:asOf, :trigger, :version, CAST(:rules AS jsonb), 'RUNNING', now()) RETURNING id
                """, new MapSqlParameterSource("asOf", asOf).addValue("trigger", trigger)
                .addValue("version", version(rulesJson)).addValue("rules", rulesJson), Long.class);
    }

    private void execute(long runId, LocalDate asOf, ComparisonProperties.Rules rules, RunLock lock) {
        long started = System.nanoTime();
        Map<String, Object> steps = new LinkedHashMap<>();
        Map<String, Object> counts = new TreeMap<>();
        try (lock) {
            RegistryRefresh.Result refreshed = timed(steps, "refresh", refresh::refresh);
            counts.put("registryRecordsRead", refreshed.recordsRead());
            counts.put("cleanupCandidates", timed(steps, "cleanup", cleanup::findCandidates));
            MapSqlParameterSource parameters = parameters(runId, asOf, rules);
            timed(steps, "classify", () -> {
                jdbc.queryForObject("SELECT comparison_result_load_begin(:runId)", parameters, String.class);
                timed(steps, "classify.results", () -> classifyInParts(parameters, steps));
                transaction.executeWithoutResult(status -> publishResults(runId, asOf, parameters, steps, counts));
                return null;
            });
            List<RosterPublisher.RosterFile> files = timed(steps, "rosters", () -> {
                try {
                    return rosters.publish(runId, asOf);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            counts.put("rosterFiles", files.size());
            timed(steps, "retention", () -> jdbc.queryForObject("SELECT comparison_result_retain(:keep)",
                    new MapSqlParameterSource("keep", properties.keepRuns()), Integer.class));
            finish(runId, "COMPLETED", started, counts, steps, null);
            log.info("Comparison run {} for {} completed in {} ms: {}", runId, asOf,
                    (System.nanoTime() - started) / 1_000_000, counts);
        } catch (RuntimeException e) {
            log.error("Comparison run {} for {} failed", runId, asOf, e);
            finish(runId, "FAILED", started, counts, steps, e.toString());
        }
    }

    private MapSqlParameterSource parameters(long runId, LocalDate asOf, ComparisonProperties.Rules rules) {
        LocalDate month = asOf.withDayOfMonth(1);
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        for (String scheme : ClassificationSql.SCHEMES) {
            int window = rules.yearlyPaidSchemes().contains(scheme) ? rules.yearlyPaymentWindowMonths()
                    : rules.paymentWindowMonths();
            parameters.addValue("cutoff" + scheme, month.minusMonths(window));
        }
        return parameters.addValue("runId", runId)
                .addValue("asOf", asOf)
                .addValue("adultBornBy", asOf.minusYears(rules.pensionAge()))
                .addValue("prefix", regionPrefix)
                .addValue("successorFrom", textArray(List.copyOf(rosterProperties.countySuccessors().keySet())))
                .addValue("successorTo", textArray(rosterProperties.countySuccessors().keySet().stream()
                        .map(rosterProperties.countySuccessors()::get).toList()))
                .addValue("parts", properties.parallelism())
                .addValue("workMem", properties.workMem());
    }

    /**
     * Classifies the population into the run's load table in {@code parallelism} disjoint parts (by a hash of the
     * identity number), each part a statement of its own on its own connection, all at once: each part aggregates
     * only its own persons' participations, so the parts share no work (PostgreSQL's parallel workers would each
     * aggregate participations of nearly every person). The load table is not yet part of comparison_result, so the
     * parts commit on their own; a run that fails before {@link #publishResults} shows nothing of itself.
     */
    private Void classifyInParts(MapSqlParameterSource parameters, Map<String, Object> steps) {
        List<CompletableFuture<Map<String, Object>>> parts = IntStream.range(0, properties.parallelism())
                .mapToObj(part -> CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
                    // One core per part: the parts are the parallelism. No sorting: the planner cannot estimate
                    // how many rows a part takes (a hash of the identity number) and, expecting half a per cent of
                    // them, groups the participations by sorting them: at 6 M persons an external sort of 6.9 M rows
                    // per part, 25 s, where hashing them takes 4 s. Sorting stays possible where nothing else can do
                    // (the reasons' small per-person sorts).
                    jdbc.queryForMap("""
                            SELECT set_config('max_parallel_workers_per_gather', '0', true),
                                   set_config('work_mem', :workMem, true), set_config('enable_sort', 'off', true)
                            """, parameters);
                    // each part's own time: the step waits for the slowest, and a difference shows unequal cores
                    Map<String, Object> partStep = new LinkedHashMap<>();
                    timed(partStep, "classify.results.part" + part, () -> jdbc.update(ClassificationSql.CLASSIFY,
                            new MapSqlParameterSource(parameters.getValues()).addValue("part", part)));
                    return partStep;
                }), classifiers))
                .toList();
        Workers.join(CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)));
        parts.forEach(part -> steps.putAll(part.join()));
        return null;
    }

    /** In the run's transaction: index the results and attach them, then alerts and statistics. */
    private void publishResults(long runId, LocalDate asOf, MapSqlParameterSource parameters,
                                Map<String, Object> steps, Map<String, Object> counts) {
        jdbc.queryForObject("SELECT set_config('maintenance_work_mem', :workMem, true)", parameters, String.class);
        timed(steps, "classify.index", () -> jdbc.queryForObject("SELECT comparison_result_load_finish(:runId)",
                parameters, String.class));
        counts.put("alertsWritten", timed(steps, "classify.alerts", () -> alerts.detect(runId, asOf)));
        Statistics.RegionStatistic province = timed(steps, "classify.statistics", () -> statistics.compute(runId));
        counts.putAll(province.categoryCounts());
        counts.put("rostered", province.rostered());
    }

    private void finish(long runId, String status, long started, Map<String, Object> counts,
                        Map<String, Object> steps, String error) {
        jdbc.update("""
                UPDATE comparison_run SET status = :status, finished_at = now(), duration_ms = :duration,
                       counts = CAST(:counts AS jsonb), steps = CAST(:steps AS jsonb), error = :error
                WHERE id = :id
                """, new MapSqlParameterSource("status", status).addValue("id", runId)
                .addValue("duration", (System.nanoTime() - started) / 1_000_000)
                .addValue("counts", write(counts)).addValue("steps", write(steps)).addValue("error", error));
    }

    private static <T> T timed(Map<String, Object> steps, String step, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        steps.put(step, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /**
     * Codes bound as an SQL array. Bound as the text of an array literal, {@code CAST(:codes AS text[])} was parsed
     * again for every row (PostgreSQL does not fold a cast whose input function is not immutable): the county
     * successors cost 14 s of a part's 79 s at 6 M persons.
     */
    private static String[] textArray(List<String> codes) {
        return codes.toArray(String[]::new);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private Map<String, Object> map(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run data is not JSON", e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the rules' JSON: equal rules, equal version. */
    private static String version(String rulesJson) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(rulesJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
        classifiers.shutdownNow();
    }
}
