package cn.canbao.hub.reliability.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A system that delivers files (spec §4), as its descriptor {@code connectors/<system>.connector.yaml} declares it,
 * with the valid data files of its fixtures to mutate.
 *
 * @param system    the system code, e.g. {@code PENSION}
 * @param account   its SFTP account
 * @param extension its data file extension
 * @param format    the descriptor's format kind: CSV, DELIMITED, FIXED_WIDTH, XML or JSON_LINES
 * @param charset   what its bytes are in: GB18030 where the spec says GBK (§2)
 * @param bom       whether its files start with a UTF-8 BOM
 * @param recordElement XML: the element of one record; null for the line formats
 * @param trailerPrefix DELIMITED: the trailer line's prefix, e.g. {@code #END}; null without a trailer
 * @param fixtures  the fixture data files, valid or invalid in their records but whole as files
 */
public record FileSource(String system, String account, String extension, String format, Charset charset,
                         boolean bom, String recordElement, String trailerPrefix, List<byte[]> fixtures) {

    public static final Charset GBK = Charset.forName("GB18030");
    private static final Path CONNECTORS = Path.of("connectors");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    /** The nine file systems, in the order of spec §1. */
    public static List<FileSource> all() {
        return Stream.of("CARD", "PENSION", "MEDICAL", "UNEMPLOYMENT", "INJURY", "MATERNITY", "POLICE", "EDUCATION",
                "JUSTICE").map(FileSource::load).toList();
    }

    static FileSource load(String system) {
        String name = system.toLowerCase(Locale.ROOT);
        try {
            JsonNode descriptor = new YAMLMapper().readTree(CONNECTORS.resolve(name + ".connector.yaml").toFile());
            JsonNode sftp = null;
            for (JsonNode transport : descriptor.get("transports")) {
                if ("sftp-batch-in".equals(transport.path("kind").asText())) {
                    sftp = transport;
                }
            }
            if (sftp == null) {
                throw new IllegalStateException(system + " has no sftp-batch-in transport");
            }
            JsonNode format = descriptor.get("format");
            Charset charset = "GBK".equalsIgnoreCase(format.path("encoding").asText()) ? GBK : StandardCharsets.UTF_8;
            String extension = sftp.get("extension").asText();
            return new FileSource(system, sftp.get("account").asText(), extension, format.get("kind").asText(),
                    charset, format.path("bom").asBoolean(false), format.path("recordElement").asText(null),
                    format.path("trailer").path("prefix").asText(null), fixtures(FIXTURES.resolve(name), extension));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> fixtures(Path directory, String extension) throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith("." + extension)).sorted().toList()) {
                files.add(Files.readAllBytes(path));
            }
        }
        return List.copyOf(files);
    }

    /** The fixture {@code valid.<ext>}: a file the hub accepts whole. */
    public byte[] validFixture() {
        try {
            return Files.readAllBytes(FIXTURES.resolve(system.toLowerCase(Locale.ROOT)).resolve("valid." + extension));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean gbk() {
        return charset.equals(GBK);
    }

    /** The other of the spec's two encodings: what a sender with the wrong setting would write. */
    public Charset otherCharset() {
        return gbk() ? StandardCharsets.UTF_8 : GBK;
    }

    /** Whether the first line names the columns (CSV and DELIMITED). */
    public boolean header() {
        return format.equals("CSV") || format.equals("DELIMITED");
    }

    public String label() {
        return system + " ." + extension + " " + (gbk() ? "GBK" : bom ? "UTF-8+BOM" : "UTF-8");
    }
}
