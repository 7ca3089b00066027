package cn.canbao.hub.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The crash harness: the packaged hub as a process of its own takes a mixed workload from its partners over every
 * transport, is killed at a random moment ({@code kill -9} of its JVM alone, or of the JVM and its embedded
 * PostgreSQL together), is started again, and must come to exactly the state of an undisturbed run: every delivery
 * answered once, nothing lost, nothing doubled. Runs only when asked for ({@code -Dcanbao.crash.trials=N}; see
 * docs/reliability.md): {@code scripts/crash-trials.sh} and the last step of {@code .ci/run}.
 */
@EnabledIfSystemProperty(named = "canbao.crash.trials", matches = "\\d+")
class CrashTrialsTest {

    @Test
    void everyDeliveryIsAnsweredExactlyOnceWhenTheHubIsKilledAtARandomMoment() throws Exception {
        long started = System.nanoTime();
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        Workload workload = Workload.generate(settings.seed());
        HubRuns runs = HubRuns.prepare(settings, HubPorts.free(), workload);

        RunOutcome reference = runs.reference();
        assertThat(reference.unanswered()).as("deliveries unanswered in the undisturbed run").isEmpty();
        assertThat(reference.extraReceipts()).as("second receipts in the undisturbed run").isZero();
        HubRuns.deleteData(reference);

        List<TrialResult> results = new ArrayList<>();
        for (int trial = 1; trial <= settings.trials(); trial++) {
            Crash crash = Crash.ofTrial(trial, settings);
            long seed = settings.trialSeed(trial);
            TrialResult result;
            try {
                result = TrialResult.compare(trial, seed, crash, reference, runs.trial(trial, crash));
            } catch (Exception e) {
                result = TrialResult.failed(trial, seed, crash, e);
            }
            results.add(result);
            System.out.println(TrialReport.mask(line(result)));
            if (result.clean()) {
                HubRuns.deleteData(result.outcome());
            }
        }

        System.out.println(TrialReport.write(settings, workload, reference, results,
                Duration.ofNanos(System.nanoTime() - started)));
        assertThat(results).as("trials that did not come to the reference run's state; see "
                + settings.output().resolve("report.md")).allMatch(TrialResult::clean);
    }

    private static String line(TrialResult result) {
        return String.format("trial %d (%s at %d ms): lost %d, duplicates %d, unanswered %d, differences %d%s",
                result.trial(), result.crash().kind().label(), result.crash().moment().toMillis(),
                result.recordsLost(), result.duplicates(), result.unanswered(), result.differences(),
                result.failure() == null ? "" : ", failed: " + result.failure());
    }
}
