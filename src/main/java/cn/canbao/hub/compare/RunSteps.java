package cn.canbao.hub.compare;

import cn.canbao.hub.registry.QuarantineCleanup;
import cn.canbao.hub.registry.RegistryRefresh;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of one comparison run, in order, each timed under its name (docs/comparison.md, "A run"): the registry
 * brought up to date, clean-up candidates, the classification, then in one transaction the results' index and
 * attachment, alerts and statistics, so that a run's results, alerts and figures appear together; then the rosters
 * and the retention of older runs' results.
 */
@Component
public class RunSteps {

    private final TransactionTemplate transaction;
    private final RegistryRefresh refresh;
    private final QuarantineCleanup cleanup;
    private final Classification classification;
    private final ResultPartitions partitions;
    private final AlertDetection alerts;
    private final Statistics statistics;
    private final RosterPublisher rosters;

    public RunSteps(TransactionTemplate transaction, RegistryRefresh refresh, QuarantineCleanup cleanup,
                    Classification classification, ResultPartitions partitions, AlertDetection alerts,
                    Statistics statistics, RosterPublisher rosters) {
        this.transaction = transaction;
        this.refresh = refresh;
        this.cleanup = cleanup;
        this.classification = classification;
        this.partitions = partitions;
        this.alerts = alerts;
        this.statistics = statistics;
        this.rosters = rosters;
    }

    /**
     * Runs every step; what each produced goes into {@code counts} and its time into {@code steps} as it finishes,
     * so a run that fails keeps what it did so far. The caller holds the run lock.
     */
    void run(long runId, LocalDate asOf, ComparisonProperties.Rules rules, StepTimes steps,
             Map<String, Object> counts) {
        counts.put("registryRecordsRead", steps.time("refresh", refresh::refresh).recordsRead());
        counts.put("cleanupCandidates", steps.time("cleanup", cleanup::findCandidates));
        steps.time("classify", () -> {
            partitions.begin(runId);
            steps.addAll(steps.time("classify.results", () -> classification.classify(runId, asOf, rules)));
            transaction.executeWithoutResult(status -> {
                steps.time("classify.index", () -> partitions.index(runId));
                counts.put("alertsWritten", steps.time("classify.alerts", () -> alerts.detect(runId, asOf)));
                Statistics.RegionStatistic province = steps.time("classify.statistics",
                        () -> statistics.compute(runId));
                counts.putAll(province.categoryCounts());
                counts.put("rostered", province.rostered());
            });
        });
        List<RosterPublisher.RosterFile> files = steps.time("rosters", () -> publishRosters(runId, asOf));
        counts.put("rosterFiles", files.size());
        steps.time("retention", partitions::retain);
    }

    private List<RosterPublisher.RosterFile> publishRosters(long runId, LocalDate asOf) {
        try {
            return rosters.publish(runId, asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
