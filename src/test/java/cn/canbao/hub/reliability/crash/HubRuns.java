package cn.canbao.hub.reliability.crash;

import static org.awaitility.Awaitility.await;

import cn.canbao.hub.reliability.crash.Delivery.Event;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs the packaged hub through the workload, undisturbed or with a crash, each run from a fresh copy of one
 * template data directory: a hub started once and stopped cleanly, so that every run starts with the same partner
 * credentials and an empty, migrated registry without paying for initdb and key generation again.
 */
final class HubRuns {

    /** No receipt for this long after the last answer: none is on its way. */
    private static final Duration RECEIPTS_SETTLED = Duration.ofSeconds(2);

    private final HarnessSettings settings;
    private final HubPorts ports;
    private final Workload workload;
    private final Path template;

    private HubRuns(HarnessSettings settings, HubPorts ports, Workload workload, Path template) {
        this.settings = settings;
        this.ports = ports;
        this.workload = workload;
        this.template = template;
    }

    static HubRuns prepare(HarnessSettings settings, HubPorts ports, Workload workload) throws Exception {
        deleteRecursively(settings.runs());
        Path directory = Files.createDirectories(settings.runs().resolve("template"));
        Path data = directory.resolve("data");
        HubProcess hub = HubProcess.start(settings, data, ports, directory.resolve("hub.log"));
        try {
            hub.awaitHealthy(HarnessSettings.START_TIMEOUT);
        } finally {
            hub.stop();
        }
        return new HubRuns(settings, ports, workload, data);
    }

    /** An undisturbed run: what every trial must come to. */
    RunOutcome reference() throws Exception {
        return run("reference", null);
    }

    RunOutcome trial(int trial, Crash crash) throws Exception {
        return run("trial-" + trial, crash);
    }

    private RunOutcome run(String name, Crash crash) throws Exception {
        Path directory = settings.runs().resolve(name);
        Path data = directory.resolve("data");
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        copyTemplate(data);
        HubProcess hub = HubProcess.start(settings, data, ports, directory.resolve("hub-1.log"));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try (ReceiptCollector receipts = new ReceiptCollector(data, ports);
             Partners partners = new Partners(data, ports)) {
            hub.awaitHealthy(HarnessSettings.START_TIMEOUT);
            receipts.start(workload.events().stream().map(Event::account).collect(Collectors.toSet()));
            long started = System.nanoTime();
            partners.start(workload.sendingOrder(settings.seed()), settings.spacing());
            Duration toHealthy = Duration.ZERO;
            if (crash != null) {
                HubProcess crashed = hub;
                clock.schedule(() -> crash(crashed, crash.kind()), crash.moment().toMillis(), TimeUnit.MILLISECONDS)
                        .get();
                started = System.nanoTime();
                hub = HubProcess.start(settings, data, ports, directory.resolve("hub-2.log"));
                hub.awaitHealthy(HarnessSettings.START_TIMEOUT);
                toHealthy = Duration.ofNanos(System.nanoTime() - started);
            }
            List<String> unanswered;
            try (Answers answers = new Answers(workload, data, ports, receipts, partners)) {
                unanswered = awaitAnswers(answers);
            }
            Duration toAnswered = Duration.ofNanos(System.nanoTime() - started);
            awaitReceiptsSettled(receipts);
            Snapshot snapshot = HubSnapshot.take(workload, data, ports, receipts);
            int extraReceipts = receipts.receipts().values().stream().mapToInt(r -> r.size() - 1).sum();
            return new RunOutcome(snapshot, unanswered, extraReceipts, toHealthy, toAnswered, partners.retries(),
                    loadAverage, directory);
        } finally {
            clock.shutdownNow();
            // what the run left is read already: a power cut ends the hub sooner than a shutdown would
            hub.killJvmAndPostgres();
        }
    }

    private static Void crash(HubProcess hub, CrashKind kind) throws IOException {
        if (kind == CrashKind.JVM) {
            hub.killJvm();
        } else {
            hub.killJvmAndPostgres();
        }
        return null;
    }

    private static List<String> awaitAnswers(Answers answers) {
        try {
            await().atMost(HarnessSettings.ANSWER_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> answers.missing().isEmpty());
            return List.of();
        } catch (ConditionTimeoutException e) {
            return answers.missing();
        }
    }

    /** Waits until no receipt has come for a while: none is on its way any more. */
    static void awaitReceiptsSettled(ReceiptCollector receipts) {
        AtomicLong seen = new AtomicLong(-1);
        await().during(RECEIPTS_SETTLED).atMost(RECEIPTS_SETTLED.multipliedBy(10))
                .until(() -> seen.getAndSet(receipts.received()) == receipts.received());
    }

    /** Removes a run's data once it has been compared; its logs stay. */
    static void deleteData(RunOutcome outcome) throws IOException {
        deleteRecursively(outcome.directory().resolve("data"));
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void copyTemplate(Path data) throws IOException, InterruptedException {
        Files.createDirectories(data.getParent());
        // cp -a keeps what PostgreSQL and the secrets insist on: owner-only permissions
        Process copy = new ProcessBuilder("cp", "-a", template.toString(), data.toString()).inheritIO().start();
        if (copy.waitFor() != 0) {
            throw new IOException("cannot copy the template data directory " + template + " to " + data);
        }
    }
}
