package cn.canbao.hub.embedded.demo;

import cn.canbao.hub.compare.ComparisonRuns;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finishes the demo's main job: once the hub has answered every demo file with a receipt, it runs the
 * comparison, which writes the county rosters and statistics — instead of waiting for the nightly run. With the
 * national simulator on, once the national system has answered that run's COMPARE_REQUESTs it runs the comparison
 * again, which excludes the persons insured in another province for every expectation (spec §8).
 */
final class DemoComparison {

    private static final Logger log = LoggerFactory.getLogger(DemoComparison.class);
    private static final int CHECKS = 120;

    private final JdbcTemplate jdbc;
    private final ComparisonRuns runs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "demo-comparison");
        thread.setDaemon(true);
        return thread;
    });
    private final boolean nationalAnswers;
    private int checks;
    private Long firstRun;

    DemoComparison(JdbcTemplate jdbc, ComparisonRuns runs, boolean nationalAnswers) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.nationalAnswers = nationalAnswers;
    }

    /** Checks every five seconds, for ten minutes at most, whether every demo file has its receipt. */
    void runWhenIngested(List<String> fileNames) {
        scheduler.scheduleWithFixedDelay(() -> check(fileNames), 5, 5, TimeUnit.SECONDS);
    }

    private void check(List<String> fileNames) {
        if (firstRun != null) {
            checkNationalAnswers();
            return;
        }
        try {
            Long answered = jdbc.queryForObject("SELECT count(DISTINCT file_name) FROM intake_file "
                    + "WHERE file_name = ANY (?) AND delivered_at IS NOT NULL", Long.class,
                    (Object) fileNames.toArray(String[]::new));
            if (answered != null && answered == fileNames.size()) {
                ComparisonRuns.Run run = runs.run(null, "API");
                log.info("Demo: every demo file ingested; comparison run {} {}: {}", run.id(), run.status(),
                        run.counts());
                if (nationalAnswers && "COMPLETED".equals(run.status())) {
                    firstRun = run.id();
                    checks = 0;
                } else {
                    scheduler.shutdown();
                }
            } else if (++checks >= CHECKS) {
                log.warn("Demo: {} of {} demo files ingested after ten minutes; run the comparison with "
                        + "POST /api/v1/runs", answered, fileNames.size());
                scheduler.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("Demo: the comparison after ingest did not run: {}", e.getMessage());
            scheduler.shutdown();
        }
    }

    /** Runs again once every COMPARE_REQUEST of the first run is answered (or after ten minutes, saying so). */
    private void checkNationalAnswers() {
        try {
            Long waiting = jdbc.queryForObject("SELECT CASE WHEN EXISTS (SELECT 1 FROM national_run_request WHERE"
                    + " run_id = ?) THEN (SELECT count(*) FROM national_compare_request WHERE run_id = ? AND status"
                    + " <> 'ANSWERED') ELSE -1 END", Long.class, firstRun, firstRun);
            if (waiting != null && waiting == 0) {
                ComparisonRuns.Run run = runs.run(null, "API");
                Long elsewhere = jdbc.queryForObject("SELECT count(*) FROM comparison_result WHERE run_id = ? AND"
                        + " exclusion = 'INSURED_ELSEWHERE'", Long.class, run.id());
                log.info("Demo: the national system answered run {}; comparison run {} {} excludes {} persons insured"
                        + " in another province: {}", firstRun, run.id(), run.status(), elsewhere, run.counts());
                scheduler.shutdown();
            } else if (++checks >= CHECKS) {
                log.warn("Demo: the national system has not answered run {} after ten minutes "
                        + "(GET /api/v1/national/requests)", firstRun);
                scheduler.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("Demo: the comparison after the national answers did not run: {}", e.getMessage());
            scheduler.shutdown();
        }
    }
}
