package cn.canbao.hub.connector.transport;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code intake} in health: DOWN while a route waits for its database or exchange server (with the route, since
 * when, how many tries failed and why), and the deliveries the hub failed on and is trying again. It reads only what
 * the routes recorded in memory, so it answers at once while the database is gone.
 */
@Component
public class IntakeHealthIndicator implements HealthIndicator {

    private final IntakeBackoff backoff;

    public IntakeHealthIndicator(IntakeBackoff backoff) {
        this.backoff = backoff;
    }

    @Override
    public Health health() {
        var outages = backoff.outages();
        return (outages.isEmpty() ? Health.up() : Health.down())
                .withDetail("waitingForInfrastructure", outages)
                .withDetail("retrying", backoff.retries())
                .build();
    }
}
