package cn.canbao.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One hub for integration tests: its data directory (database, exchange folders, credentials) and the ports of
 * its SFTP exchange server and broker. The database is the embedded PostgreSQL, or — when CI passes
 * {@code canbao.test.postgres.url} — a fresh schema on a standalone PostgreSQL server.
 */
public record TestHub(Path dataDir, int sftpPort, int brokerPort) {

    /** Under the build's output, not the system's temporary directory: a hub's data (its database cluster, hundreds
     * of MB) outlives the test JVM, since the embedded servers stop only as it exits; a clean build removes it. */
    private static final Path HUBS = Path.of("target", "test-hubs");

    public static TestHub create() {
        try {
            Files.createDirectories(HUBS);
            return new TestHub(Files.createTempDirectory(HUBS.toAbsolutePath(), "hub-"), freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(DynamicPropertyRegistry registry) {
        registerServers(registry);
        String externalUrl = System.getProperty("canbao.test.postgres.url");
        if (externalUrl != null && !externalUrl.isBlank()) {
            String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            registry.add("canbao.database.embedded", () -> false);
            registry.add("spring.datasource.url", () -> externalUrl + "?currentSchema=" + schema);
            registry.add("spring.datasource.username", () -> System.getProperty("canbao.test.postgres.user"));
            registry.add("spring.datasource.password", () -> System.getProperty("canbao.test.postgres.password"));
            registry.add("spring.flyway.schemas", () -> schema);
            registry.add("spring.flyway.create-schemas", () -> true);
        }
    }

    /** Everything but the registry database, for a test that brings a database of its own. */
    public void registerServers(DynamicPropertyRegistry registry) {
        registry.add("canbao.data-dir", dataDir::toString);
        registry.add("canbao.sftp.port", () -> sftpPort);
        registry.add("canbao.broker.port", () -> brokerPort);
        registry.add("canbao.demo.enabled", () -> false);
        // tests count what a refresh reads; a refresh in the background would take records from under them
        registry.add("canbao.registry.periodic-refresh", () -> false);
        registry.add("canbao.database.embedded-port", () -> 0);
        registry.add("canbao.intake.orphan-sweep-ms", () -> 2000);
        // tests act as the national system themselves (NationalExchangeTest), and do not wait long for its outbox
        registry.add("canbao.national.simulator.enabled", () -> false);
        registry.add("canbao.national.request-poll-delay-ms", () -> 500);
        registry.add("canbao.national.outbox-poll-delay-ms", () -> 500);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
