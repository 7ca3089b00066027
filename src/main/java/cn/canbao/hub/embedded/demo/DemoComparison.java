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
 * comparison, which writes the county rosters and statistics — instead of waiting for the nightly run.
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
    private int checks;

    DemoComparison(JdbcTemplate jdbc, ComparisonRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** Checks every five seconds, for ten minutes at most, whether every demo file has its receipt. */
    void runWhenIngested(List<String> fileNames) {
        scheduler.scheduleWithFixedDelay(() -> check(fileNames), 5, 5, TimeUnit.SECONDS);
    }

    private void check(List<String> fileNames) {
        try {
            Long answered = jdbc.queryForObject("SELECT count(DISTINCT file_name) FROM intake_file "
                    + "WHERE file_name = ANY (?) AND delivered_at IS NOT NULL", Long.class,
                    (Object) fileNames.toArray(String[]::new));
            if (answered != null && answered == fileNames.size()) {
                ComparisonRuns.Run run = runs.run(null, "API");
                log.info("Demo: every demo file ingested; comparison run {} {}: {}", run.id(), run.status(),
                        run.counts());
                scheduler.shutdown();
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
}
