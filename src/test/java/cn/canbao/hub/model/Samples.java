package cn.canbao.hub.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The canonical sample messages under src/test/resources/samples, one or more per source system. */
final class Samples {

    static final Path DIRECTORY = Path.of("src/test/resources/samples");

    private Samples() {
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, modifiable tree of a sample. */
    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode treeOf(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
