package cn.canbao.hub.connector.transport;

import cn.canbao.hub.registry.DeliveryAttempts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code intake} in health: DOWN while a route waits for its database or exchange server (with the route, since
 * when, how many tries failed and why), and the deliveries the hub is trying again after failing on them.
 */
@Component
public class IntakeHealthIndicator implements HealthIndicator {

    private static final int LISTED = 20;

    private final IntakeBackoff backoff;
    private final DeliveryAttempts attempts;

    public IntakeHealthIndicator(IntakeBackoff backoff, DeliveryAttempts attempts) {
        this.backoff = backoff;
        this.attempts = attempts;
    }

    @Override
    public Health health() {
        Map<String, IntakeBackoff.Outage> outages = backoff.outages();
        Health.Builder health = outages.isEmpty() ? Health.up() : Health.down();
        Map<String, Object> waiting = new LinkedHashMap<>();
        outages.forEach((route, outage) -> waiting.put(route, outage));
        health.withDetail("waitingForInfrastructure", waiting);
        if (outages.isEmpty()) {
            // with the database gone this would only wait for a connection it cannot have
            health.withDetail("retrying", attempts.unanswered(LISTED).stream()
                    .filter(delivery -> delivery.attempts() > 1).toList());
        }
        return health.build();
    }
}
