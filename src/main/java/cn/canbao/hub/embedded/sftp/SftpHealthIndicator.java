package cn.canbao.hub.embedded.sftp;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while the embedded SFTP exchange server accepts connections. */
public class SftpHealthIndicator implements HealthIndicator {

    private final EmbeddedSftpServer server;

    public SftpHealthIndicator(EmbeddedSftpServer server) {
        this.server = server;
    }

    @Override
    public Health health() {
        if (!server.isListening()) {
            return Health.down().withDetail("reason", "not listening").build();
        }
        return Health.up()
                .withDetail("host", server.clientHost())
                .withDetail("port", server.port())
                .withDetail("accounts", server.accountCount())
                .build();
    }
}
