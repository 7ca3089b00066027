package cn.canbao.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub in one JVM for integration tests: embedded SFTP exchange server and broker on free ports,
 * data under a temporary directory, no demo data. The database is the embedded PostgreSQL, or — when CI
 * passes {@code canbao.test.postgres.url} — a fresh schema on a standalone PostgreSQL server.
 * Every test class shares one application context, so tests keep their data apart (own file names, own
 * identity numbers) rather than expecting an empty registry.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubIntegrationTest {

    protected static final Path DATA_DIR = temporaryDataDir();
    protected static final int SFTP_PORT = freePort();
    protected static final int BROKER_PORT = freePort();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("canbao.data-dir", DATA_DIR::toString);
        registry.add("canbao.sftp.port", () -> SFTP_PORT);
        registry.add("canbao.broker.port", () -> BROKER_PORT);
        registry.add("canbao.demo.enabled", () -> false);
        registry.add("canbao.database.embedded-port", () -> 0);
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

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("canbao-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
