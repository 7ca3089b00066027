package cn.canbao.hub.reliability.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shipped connector descriptors with a shorter {@code pollDelay} on their SFTP and SQL transports, for a test
 * hub started with {@code canbao.connectors.dir} pointing at them: the templates poll every 2 s (SFTP) and 5 s (SQL)
 * by default and take one file per poll, which would make a fuzz run of thousands of files wait on the clock.
 */
final class FastPollingConnectors {

    private static final Path SHIPPED = Path.of("connectors");

    private FastPollingConnectors() {
    }

    static Path write(Path directory, long sftpDelayMillis, long sqlDelayMillis) {
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> descriptors = Files.list(SHIPPED)) {
            Files.createDirectories(directory);
            for (Path descriptor : descriptors.filter(p -> p.toString().endsWith(".connector.yaml")).toList()) {
                JsonNode tree = yaml.readTree(descriptor.toFile());
                for (JsonNode transport : tree.path("transports")) {
                    switch (transport.path("kind").asText()) {
                        case "sftp-batch-in" -> ((ObjectNode) transport).put("pollDelay", sftpDelayMillis);
                        case "sql-poll-in" -> ((ObjectNode) transport).put("pollDelay", sqlDelayMillis);
                        default -> {
                        }
                    }
                }
                yaml.writeValue(directory.resolve(descriptor.getFileName()).toFile(), tree);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
