package cn.canbao.hub.reliability.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one run of the hub came to.
 *
 * @param unanswered        deliveries still without an answer when the harness gave up waiting
 * @param extraReceipts     receipts beyond the first for the same event
 * @param toHealthy         from the (re)start of the hub to its health check answering
 * @param toAnswered        from the (re)start of the hub (reference run: from the first send) to the last answer
 * @param partnerRetries    sends the partners had to repeat
 * @param loadAverage       the machine's one-minute load average when the run began: its times depend on it
 * @param directory         the run's data directory and hub logs
 */
record RunOutcome(Snapshot snapshot, List<String> unanswered, int extraReceipts, Duration toHealthy,
                  Duration toAnswered, int partnerRetries, double loadAverage, Path directory) {
}
