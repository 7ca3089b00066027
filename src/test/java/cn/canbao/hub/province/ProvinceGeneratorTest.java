package cn.canbao.hub.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator: the same province for a seed, files as partners send them, a truth with every category. */
class ProvinceGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2017, 10, 15);

    @TempDir
    Path folder;

    @Test
    void theSameSeedGivesTheSameProvinceByteForByte() throws IOException {
        ProvinceGenerator.generate(settings(folder.resolve("a"), 3_000, 7));
        ProvinceGenerator.generate(settings(folder.resolve("b"), 3_000, 7));
        ProvinceGenerator.generate(settings(folder.resolve("c"), 3_000, 8));

        assertThat(contents(folder.resolve("a"))).isEqualTo(contents(folder.resolve("b")))
                .isNotEqualTo(contents(folder.resolve("c")));
    }

    @Test
    void everyDataFileHasADoneFileThatStatesItsHashAndRecords() throws Exception {
        ProvinceGenerator.Summary summary = ProvinceGenerator.generate(settings(folder, 5_000, 1));

        assertThat(summary.files()).allSatisfy((system, files) -> assertThat(files).as(system).isGreaterThan(0));
        for (Path file : dataFiles(folder)) {
            List<String> done = Files.readAllLines(file.resolveSibling(file.getFileName() + ".ok"));
            assertThat(done.get(0)).as(file.toString()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            assertThat(done.get(1)).startsWith("records=");
        }
    }

    @Test
    void unemploymentLinesAreEightyEightBytesOfGbkWithLongNamesCut() throws IOException {
        ProvinceGenerator.generate(settings(folder, 5_000, 1));

        for (Path file : dataFiles(folder.resolve("files/unemployment"))) {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, Charset.forName("GB18030"));
            for (String line : text.split("\r\n")) {
                assertThat(line.getBytes(Charset.forName("GB18030"))).as(line).hasSize(88);
            }
        }
    }

    @Test
    void theTruthHoldsEveryCategoryAndEveryExclusion() throws IOException {
        ProvinceGenerator.generate(settings(folder, 20_000, 20171015));
        Map<String, Integer> seen = new TreeMap<>();
        Truth.persons(folder.resolve("truth"), expected -> seen.merge(expected.category()
                + (expected.exclusion() == null ? "" : "/" + expected.exclusion()), 1, Integer::sum));

        assertThat(seen).containsKeys("INSURED", "LAPSED", "PARTIAL", "UNINSURED", "NOT_IN_POPULATION",
                "EXCLUDED/DECEASED", "EXCLUDED/MOVED_OUT", "EXCLUDED/CANCELLED", "EXCLUDED/IN_CUSTODY",
                "EXCLUDED/INSURED_ELSEWHERE");
        assertThat(Truth.quarantine(folder.resolve("truth"))).isNotEmpty()
                .allSatisfy(rejected -> assertThat(rejected.code()).isEqualTo("ID_CHECKSUM"));
    }

    private static ProvinceSettings settings(Path out, long persons, long seed) {
        return new ProvinceSettings(persons, seed, AS_OF, out, 2_000, Noise.DEFAULT);
    }

    private static List<Path> dataFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().contains("/files/")
                    || f.getParent().getFileName().toString().equals("unemployment"))
                    .filter(f -> !f.getFileName().toString().endsWith(".ok")).sorted().toList();
        }
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("province.txt")).toList()) {
                contents.put(folder.relativize(file).toString(), HexFormat.of().formatHex(sha256(file)));
            }
        }
        return contents;
    }

    private static byte[] sha256(Path file) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
