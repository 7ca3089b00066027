package cn.canbao.hub.compare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts comparison runs (spec §8) for an as-of date, nightly (route compare-nightly) or on demand (REST), one at a
 * time across every hub instance on the database (RunLock), and stores each with its rules, counts and step times;
 * the steps themselves are {@link RunSteps}.
 */
@Component("comparisonRuns")
public class ComparisonRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ComparisonRuns.class);

    /** A stored run. {@code counts}: persons per category and what the run produced; {@code steps}: milliseconds. */
    public record Run(long id, LocalDate asOf, String trigger, String rulesVersion, Map<String, Object> rules,
                      String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, Long durationMs,
                      Map<String, Object> counts, Map<String, Object> steps, String error) {
    }

    private final DataSource dataSource;
    private final RunStore store;
    private final RunSteps steps;
    private final ComparisonProperties properties;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "comparison-run"));

    public ComparisonRuns(DataSource dataSource, RunStore store, RunSteps steps, ComparisonProperties properties,
                          @Value("${canbao.time-zone}") String timeZone) {
        this.dataSource = dataSource;
        this.store = store;
        this.steps = steps;
        this.properties = properties;
        this.clock = Clock.system(ZoneId.of(timeZone));
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
            id = store.begin(day, trigger, rules);
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
            long id = store.begin(day, trigger, properties.rules());
            background.execute(() -> execute(id, day, properties.rules(), lock));
            return find(id).orElseThrow();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Optional<Run> find(long id) {
        return store.find(id);
    }

    /** The newest runs first. */
    public List<Run> list(int limit) {
        return store.list(limit);
    }

    public Optional<Run> latestCompleted() {
        return store.latestCompleted();
    }

    private void execute(long runId, LocalDate asOf, ComparisonProperties.Rules rules, RunLock lock) {
        long started = System.nanoTime();
        StepTimes times = new StepTimes();
        Map<String, Object> counts = new TreeMap<>();
        try (lock) {
            steps.run(runId, asOf, rules, times, counts);
            store.finish(runId, "COMPLETED", millisSince(started), counts, times, null);
            log.info("Comparison run {} for {} completed in {} ms: {}", runId, asOf, millisSince(started), counts);
        } catch (RuntimeException e) {
            log.error("Comparison run {} for {} failed", runId, asOf, e);
            store.finish(runId, "FAILED", millisSince(started), counts, times, e.toString());
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
