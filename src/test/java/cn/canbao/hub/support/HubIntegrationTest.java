package cn.canbao.hub.support;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub in one JVM for integration tests: embedded SFTP exchange server and broker on free ports,
 * data under a temporary directory, no demo data (see {@link TestHub}). Every test class shares this one
 * application context, so tests keep their data apart (own file names, own identity numbers) rather than
 * expecting an empty registry. A test that changes what others see (a full snapshot ends every record of
 * its system that it does not list) runs against a hub of its own instead: it does not extend this class but
 * registers a {@link TestHub} of its own in its {@code @DynamicPropertySource}.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubIntegrationTest {

    private static final TestHub SHARED = TestHub.create();

    protected static final Path DATA_DIR = SHARED.dataDir();
    protected static final int SFTP_PORT = SHARED.sftpPort();
    protected static final int BROKER_PORT = SHARED.brokerPort();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        SHARED.register(registry);
    }
}
