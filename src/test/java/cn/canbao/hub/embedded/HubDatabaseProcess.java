package cn.canbao.hub.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's embedded PostgreSQL started by {@link EmbeddedPostgresConfiguration} in a JVM of its own, so that a test
 * can kill that JVM as an operator's {@code kill -9} kills the hub. The child commits rows 1…n, opens a transaction
 * that inserts one more row and never commits it, and then says {@value #READY} and waits to be killed.
 */
final class HubDatabaseProcess {

    static final String READY = "COMMITTED";
    static final int UNCOMMITTED_ROW = 1_000_000;

    private final Process process;

    private HubDatabaseProcess(Process process) {
        this.process = process;
    }

    /** Starts the child and returns once it has committed its rows. */
    static HubDatabaseProcess start(Path dataDir, int port, int committedRows) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HubDatabaseProcess.class.getName(), dataDir.toString(), Integer.toString(port),
                Integer.toString(committedRows))
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(READY)) {
                    return new HubDatabaseProcess(process);
                }
                output.add(line);
            }
        }
        throw new IllegalStateException("the child JVM ended before committing:\n" + String.join("\n", output));
    }

    ProcessHandle jvm() {
        return process.toHandle();
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int committedRows = Integer.parseInt(args[2]);
        EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(dataDir, port);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE receipt_sent (n INT PRIMARY KEY)");
            statement.execute("INSERT INTO receipt_sent SELECT generate_series(1, " + committedRows + ")");
        }
        Connection open = postgres.getPostgresDatabase().getConnection();
        open.setAutoCommit(false);
        try (Statement statement = open.createStatement()) {
            statement.execute("INSERT INTO receipt_sent VALUES (" + UNCOMMITTED_ROW + ")");
        }
        System.out.println(READY);
        System.out.flush();
        // stdin stays open until the test kills this JVM
        System.in.read();
    }
}
