package cn.canbao.hub.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.reliability.crash.Delivery.Event;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The window that the random trials seldom hit, hit on purpose: the hub is killed while it works through a burst of
 * events, where much of its time goes between storing an event (database commit) and committing the JMS session
 * that acknowledges it and sends its receipt. The event comes back after the restart; it must be answered once, with
 * the receipt an undisturbed hub gives it (its fixture's expected status), not as a DUPLICATE of itself.
 * Runs with the crash trials ({@code -Dcanbao.crash.trials=N}).
 */
@EnabledIfSystemProperty(named = "canbao.crash.trials", matches = "\\d+")
class EventBurstCrashTest {

    private static final int COPIES_OF_EACH_FIXTURE = 40;
    private static final int RECEIPTS_BEFORE_THE_CRASH = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersEveryEventOnceWithItsOwnStatusWhenTheHubIsKilledInTheMiddleOfABurst() throws Exception {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        HubPorts ports = HubPorts.free();
        Path directory = settings.output().resolve("event-burst");
        HubRuns.deleteRecursively(directory);
        Path data = Files.createDirectories(directory).resolve("data");
        List<Event> events = WorkloadEvents.fromFixtures(new Random(settings.seed()), COPIES_OF_EACH_FIXTURE);
        HubProcess hub = HubProcess.start(settings, data, ports, directory.resolve("hub-1.log"));
        try (ReceiptCollector receipts = new ReceiptCollector(data, ports);
             Partners partners = new Partners(data, ports)) {
            hub.awaitHealthy(HarnessSettings.START_TIMEOUT);
            receipts.start(events.stream().map(Event::account).collect(Collectors.toSet()));
            partners.start(List.copyOf(events), Duration.ZERO);
            await().atMost(HarnessSettings.ANSWER_TIMEOUT)
                    .until(() -> receipts.received() >= RECEIPTS_BEFORE_THE_CRASH);

            hub.killJvm();
            hub = HubProcess.start(settings, data, ports, directory.resolve("hub-2.log"));
            hub.awaitHealthy(HarnessSettings.START_TIMEOUT);
            await().atMost(HarnessSettings.ANSWER_TIMEOUT)
                    .until(() -> events.stream().allMatch(e -> receipts.receiptsOf(e.eventId()) > 0));
            HubRuns.awaitReceiptsSettled(receipts);

            Map<String, Map<String, String>> received = receipts.receipts();
            List<String> answeredOtherwise = events.stream()
                    .filter(e -> !List.of(e.expectedStatus()).equals(statuses(received.get(e.eventId()))))
                    .map(e -> e.eventId() + ": " + statuses(received.get(e.eventId())) + " instead of "
                            + e.expectedStatus())
                    .toList();
            assertThat(answeredOtherwise).as("events not answered once with their own status").isEmpty();
        } finally {
            hub.killJvmAndPostgres();
        }
        HubRuns.deleteRecursively(data);
    }

    /** The status of each distinct receipt of an event. */
    private static List<String> statuses(Map<String, String> receipts) {
        return receipts.values().stream().map(receipt -> {
            try {
                return JSON.readTree(receipt).path("status").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
