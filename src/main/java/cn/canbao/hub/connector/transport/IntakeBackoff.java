package cn.canbao.hub.connector.transport;

import cn.canbao.hub.standard.MaskedText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which intake routes are waiting for their database or exchange server, since when and for how long yet: the
 * pause before the next try doubles with every failure from 1 s up to {@link #LONGEST_PAUSE}, the same steps as the
 * redelivery policy of routes/intake-retry.yaml. Seen in health ({@code intake}) and in the metrics
 * {@code canbao.intake.retries} (by route and cause), {@code canbao.intake.hub.faults} (deliveries answered with
 * HUB_FAULT) and {@code canbao.intake.routes.waiting}.
 */
@Component
public class IntakeBackoff {

    private static final Logger log = LoggerFactory.getLogger(IntakeBackoff.class);

    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** A route's outage: when it began, how many tries failed, why the last one did, when to try again. */
    public record Outage(Instant since, int failures, String cause, Instant nextTry) {
    }

    /** A delivery the hub failed on and tries again: its route, the attempts so far and why the last one failed. */
    public record Retry(String route, int attempts, String cause, Instant since) {
    }

    private final Map<String, Outage> outages = new ConcurrentHashMap<>();
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    public IntakeBackoff(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        Gauge.builder("canbao.intake.routes.waiting", outages, Map::size)
                .description("intake routes waiting for their database or exchange server").register(meters);
    }

    /** Records a try that failed for want of the infrastructure; returns the pause before the next one. */
    public Duration infrastructureFailed(String route, Throwable cause) {
        Instant now = clock.instant();
        Outage outage = outages.compute(route, (r, before) -> {
            int failures = before == null ? 1 : before.failures() + 1;
            return new Outage(before == null ? now : before.since(), failures, describe(cause),
                    now.plus(pause(failures)));
        });
        retries(route, "infrastructure").increment();
        log.warn("{}: waits for its infrastructure: {} (failure {} since {})", route, outage.cause(),
                outage.failures(), outage.since());
        return pause(outage.failures());
    }

    /** Records an attempt that failed for a reason inside the hub; the delivery is tried again a few times. */
    public void hubFaultRetried(String route, String delivery, int attempt, Throwable cause) {
        Instant now = clock.instant();
        retries.compute(delivery, (d, before) -> new Retry(route, attempt, describe(cause),
                before == null ? now : before.since()));
        retries(route, "hub").increment();
    }

    public void hubFaultAnswered(String route, String delivery) {
        retries.remove(delivery);
        Counter.builder("canbao.intake.hub.faults").description("deliveries answered with HUB_FAULT")
                .tag("route", route).register(meters).increment();
    }

    /** A delivery of the route was answered: the route works, and the delivery is no longer tried again. */
    public void succeeded(String route, String delivery) {
        retries.remove(delivery);
        recovered(route);
    }

    public void recovered(String route) {
        Outage ended = outages.remove(route);
        if (ended != null) {
            log.info("{}: working again after {} failed tries since {}", route, ended.failures(), ended.since());
        }
    }

    public boolean mayTry(String route) {
        Outage outage = outages.get(route);
        return outage == null || !clock.instant().isBefore(outage.nextTry());
    }

    public Map<String, Outage> outages() {
        return Map.copyOf(outages);
    }

    public Map<String, Retry> retries() {
        return Map.copyOf(retries);
    }

    static Duration pause(int failures) {
        long seconds = 1L << Math.min(failures - 1, 5);
        return seconds >= LONGEST_PAUSE.toSeconds() ? LONGEST_PAUSE : Duration.ofSeconds(seconds);
    }

    private Counter retries(String route, String cause) {
        return Counter.builder("canbao.intake.retries").description("deliveries tried again")
                .tag("route", route).tag("cause", cause).register(meters);
    }

    /** The root cause's class and message, identity numbers masked: what health and the attempts table show. */
    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + MaskedText.of(root.getMessage());
        return root.getClass().getSimpleName() + message;
    }
}
