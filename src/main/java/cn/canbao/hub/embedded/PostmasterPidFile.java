package cn.canbao.hub.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's lock file {@code postmaster.pid} in a data directory: the postmaster's process id (line 1), the data
 * directory it serves (line 2) and its port (line 4). PostgreSQL removes it when it shuts down, so one that is there
 * while the hub starts was left by a server that is still running or that died without shutting down.
 *
 * @param port 0 when the file is cut short before the port (a postmaster writes it in pieces while it starts)
 */
record PostmasterPidFile(Path file, long pid, String dataDirectory, int port) {

    static final String NAME = "postmaster.pid";

    /** The lock file of a data directory; empty when there is none, or when it does not even name a process. */
    static Optional<PostmasterPidFile> in(Path pgData) throws IOException {
        Path file = pgData.resolve(NAME);
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            String dataDirectory = lines.size() > 1 ? lines.get(1) : "";
            int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : 0;
            return Optional.of(new PostmasterPidFile(file, pid, dataDirectory, port));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
