package cn.canbao.hub.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.embedded.EmbeddedFrontDatabase;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.TestHub;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Malformed files, events and front-database rows of every format and encoding, sent through the real transports
 * of a hub of its own (SFTP exchange server, broker over TCP, front database): each is answered — a file by its
 * receipt and leaving {@code in/}, an event by one receipt or a dead-letter entry, a row by sync_status 1 or 9 —
 * within a deadline, none twice; the heap is no larger after them than before but for a margin; and the hub still
 * accepts a good input of every kind afterwards.
 *
 * <p>{@code ./mvnw verify} runs a CI-sized share; {@code scripts/fuzz.sh [inputs] [seed]} runs the same test with
 * {@code -Dcanbao.fuzz.inputs} (10,000 and more). The report goes to {@code target/fuzz/report.txt}, and every
 * unanswered input to {@code target/fuzz/unanswered/} to be sent again by hand. Tagged {@code fuzz}, not
 * {@code database}: CI's second pass against a standalone PostgreSQL need not repeat it.
 */
@Tag("fuzz")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedInputFuzzTest {

    private static final Logger log = LoggerFactory.getLogger(MalformedInputFuzzTest.class);

    private static final int INPUTS = Integer.getInteger("canbao.fuzz.inputs", 300);
    private static final long SEED = Long.getLong("canbao.fuzz.seed", FuzzSettings.DEFAULT_SEED);
    /** Time an input may take to its answer; a file gets 1 s more per 200 KB. */
    private static final Duration DEADLINE = Duration.ofSeconds(Long.getLong("canbao.fuzz.deadline-seconds", 60));
    /** What the heap may have grown by, after a full collection, once every input is answered. */
    private static final long HEAP_GROWTH_MB = 128;
    private static final Path REPORT = Path.of("target/fuzz");
    /** Inputs made and sent at a time, so the run's own inputs do not fill the heap whose growth it measures. */
    private static final int ROUND = 1_000;

    private static final TestHub HUB = TestHub.create();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        Path connectors = FastPollingConnectors.write(HUB.dataDir().resolve("fuzz-connectors"), 100, 500);
        registry.add("canbao.connectors.dir", connectors::toString);
    }

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void answersEveryMalformedInputOnceAndStillAcceptsGoodOnes() throws Exception {
        FileSystemUtils.deleteRecursively(REPORT);
        MalformedInputs inputs = new MalformedInputs(SEED);
        Ledger ledger = new Ledger(REPORT.resolve("unanswered"));
        long heapBefore = Heap.usedAfterGcMb();
        long started = System.nanoTime();

        HubLog hubLog = HubLog.attach(ledger);
        try {
            List<MalformedEvent> undecodable = new ArrayList<>();
            for (int sent = 0; sent < INPUTS; sent += ROUND) {
                MalformedInputs.Round round = inputs.next(Math.min(ROUND, INPUTS - sent));
                undecodable.addAll(round.events().stream().filter(MalformedInputFuzzTest::undecodable).toList());
                deliver(new MalformedInputs.Round(round.files(), round.events().stream()
                        .filter(event -> !undecodable(event)).toList(), round.rows()), false, ledger, hubLog);
            }
            deliver(new MalformedInputs.Round(List.of(), undecodable, List.of()), false, ledger, hubLog);
            deliver(inputs.canaries(), true, ledger, hubLog);
        } finally {
            hubLog.detach();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        Heap.Usage heap = new Heap.Usage(heapBefore, Heap.usedAfterGcMb(), Heap.maxMb());
        FuzzReport report = new FuzzReport(ledger, INPUTS, SEED, seconds, heap);
        report.write(REPORT);
        log.info("{}", report.text());

        assertThat(report.unanswered()).as("unanswered inputs; see %s", REPORT.resolve("report.txt")).isEmpty();
        assertThat(report.answeredMoreThanOnce()).as("inputs answered more than once").isEmpty();
        assertThat(report.answeredDuplicate()).as("unique inputs answered DUPLICATE").isEmpty();
        assertThat(report.canariesNotAccepted()).as("good inputs after the bad ones").isEmpty();
        assertThat(heap.afterMb() - heap.beforeMb()).as("heap growth in MB").isLessThanOrEqualTo(HEAP_GROWTH_MB);
    }

    /**
     * A text message no JMS client can decode: sent after all the rounds, so that a queue consumer it wedges (as on
     * the hub before its dead-lettering of such messages) leaves every other event measured.
     */
    private static boolean undecodable(MalformedEvent event) {
        return event.body() instanceof MalformedEvent.CoreText;
    }

    /** A round all at once: the nine SFTP accounts, the five events queues and the front database, each in a thread. */
    private void deliver(MalformedInputs.Round round, boolean canaries, Ledger ledger, HubLog hubLog)
            throws Exception {
        round.all().forEach(input -> ledger.expect(input, canaries));
        List<MalformedFile> files = round.files();
        List<MalformedEvent> events = round.events();
        List<MalformedRow> rows = round.rows();
        Map<String, List<MalformedFile>> byAccount = files.stream().collect(Collectors.groupingBy(
                f -> f.source().account(), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<MalformedEvent>> bySystem = events.stream().collect(Collectors.groupingBy(
                MalformedEvent::system, LinkedHashMap::new, Collectors.toList()));
        List<EventDelivery> queues = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(byAccount.size() + bySystem.size() + 1);
        try {
            List<Future<?>> running = new ArrayList<>();
            byAccount.forEach((account, ofAccount) -> running.add(senders.submit(() -> {
                new FileDelivery(HUB.dataDir(), HUB.sftpPort(), account, ledger, hubLog, DEADLINE).deliver(ofAccount);
                return null;
            })));
            for (Map.Entry<String, List<MalformedEvent>> system : bySystem.entrySet()) {
                EventDelivery queue = new EventDelivery(HUB.dataDir(), HUB.brokerPort(), system.getKey(), ledger, hubLog,
                        DEADLINE);
                queues.add(queue);
                running.add(senders.submit(() -> {
                    queue.deliver(system.getValue());
                    return null;
                }));
            }
            running.add(senders.submit(() -> {
                new RowDelivery(civilAffairs(), ledger, hubLog, DEADLINE).deliver(rows);
                return null;
            }));
            for (Future<?> sender : running) {
                sender.get();
            }
            awaitNoSecondAnswers(ledger, files, events);
        } finally {
            senders.shutdownNow();
            for (EventDelivery queue : queues) {
                queue.close();
            }
        }
    }

    /**
     * A short while for second answers to show: a receipt arriving late for an event, a file's receipt written again,
     * the receipt of a file taken out of {@code in/} at its deadline (noted with it, still unanswered).
     */
    private void awaitNoSecondAnswers(Ledger ledger, List<MalformedFile> files, List<MalformedEvent> events)
            throws Exception {
        if (!events.isEmpty()) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        }
        for (String account : files.stream().map(f -> f.source().account()).distinct().toList()) {
            try (PartnerSftp sftp = new PartnerSftp(HUB.dataDir(), account, HUB.sftpPort())) {
                for (String receipt : sftp.list("receipt")) {
                    String fileName = receipt.replaceFirst("\\.receipt\\.json$", "");
                    ledger.answered(FuzzInput.Kind.FILE, fileName, "again " + FileDelivery.summary(
                            sftp.read("receipt/" + receipt)));
                }
            }
        }
    }

    private JdbcTemplate civilAffairs() {
        return new JdbcTemplate(postgres.getDatabase("postgres", EmbeddedFrontDatabase.DATABASE));
    }
}
