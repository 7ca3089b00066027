package cn.canbao.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.support.PowerCut;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded PostgreSQL after the hub was killed: its commits are durable, a postmaster the killed JVM left running
 * is stopped and the hub starts on the same data, a lock file of a dead server is PostgreSQL's own business, and a
 * foreign process on the port still stops the hub. The hub's JVM is a real child process killed with SIGKILL.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresRecoveryTest {

    private static final int COMMITTED_ROWS = 3;

    @TempDir
    Path dataDir;

    private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
    private final List<Process> helpers = new ArrayList<>();

    @AfterEach
    void stopWhatATestLeftRunning() throws IOException {
        helpers.forEach(Process::destroyForcibly);
        Optional<PostmasterPidFile> lockFile = PostmasterPidFile.in(dataDir.resolve("postgres"));
        if (lockFile.isPresent()) {
            ProcessHandle.of(lockFile.get().pid()).ifPresent(PowerCut::of);
        }
    }

    @Test
    void commitsAreDurableWhateverTheLibrarysDefaults() throws Exception {
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(dataDir, 0)) {
            assertThat(show(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(show(postgres, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void stopsThePostgresThatAKilledHubLeftRunningAndStartsOnItsData(CapturedOutput output) throws Exception {
        int port = freePort();
        HubDatabaseProcess hub = HubDatabaseProcess.start(dataDir, port, COMMITTED_ROWS);
        hub.jvm().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !hub.jvm().isAlive());
        ProcessHandle leftover = ProcessHandle.of(postmasterPid()).orElseThrow();
        assertThat(leftover.isAlive()).as("the postmaster outlives the killed JVM").isTrue();

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(dataDir, port)) {
            assertThat(leftover.isAlive()).isFalse();
            assertThat(postgres.getPort()).isEqualTo(port);
            assertThat(rows(postgres)).containsExactly(1, 2, 3);
            assertThat(output).contains("still running from an earlier run of the hub (pid " + leftover.pid())
                    .contains("Stopped the leftover PostgreSQL (pid " + leftover.pid() + ")");
        }
    }

    @Test
    void startsOnTheSameDataWhenThePostgresWasKilledWithTheHub(CapturedOutput output) throws Exception {
        int port = freePort();
        HubDatabaseProcess hub = HubDatabaseProcess.start(dataDir, port, COMMITTED_ROWS);
        long postmaster = postmasterPid();
        PowerCut.of(hub.jvm(), ProcessHandle.of(postmaster).orElseThrow());
        assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(dataDir, port)) {
            assertThat(rows(postgres)).containsExactly(1, 2, 3);
            assertThat(output).contains("names pid " + postmaster + ", which is gone");
        }
    }

    @Test
    void removesALockFileWhosePidNowBelongsToAnotherProcess(CapturedOutput output) throws Exception {
        configuration.embeddedPostgres(dataDir, 0).close();
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        helpers.add(unrelated);
        Path lockFile = dataDir.resolve("postgres/postmaster.pid");
        Files.writeString(lockFile, unrelated.pid() + "\n" + dataDir.resolve("postgres") + "\n1700000000\n15432\n");

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(dataDir, 0)) {
            assertThat(show(postgres, "fsync")).isEqualTo("on");
            assertThat(unrelated.isAlive()).as("the process that now has the pid is left alone").isTrue();
            assertThat(output).contains("names pid " + unrelated.pid() + ", which is now another process (sleep)");
        }
    }

    @Test
    void refusesToStartWhenAnotherProcessHoldsThePort() throws Exception {
        try (ServerSocket foreign = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = foreign.getLocalPort();

            assertThatThrownBy(() -> configuration.embeddedPostgres(dataDir, port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("canbao.database.embedded-port " + port + " is in use by another process")
                    .hasMessageContaining("set canbao.database.embedded-port to a free port");
        }
    }

    private long postmasterPid() throws IOException {
        return PostmasterPidFile.in(dataDir.resolve("postgres")).orElseThrow().pid();
    }

    private static String show(EmbeddedPostgres postgres, String setting) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    private static List<Integer> rows(EmbeddedPostgres postgres) throws SQLException {
        List<Integer> rows = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT n FROM receipt_sent ORDER BY n")) {
            while (result.next()) {
                rows.add(result.getInt(1));
            }
        }
        return rows;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
