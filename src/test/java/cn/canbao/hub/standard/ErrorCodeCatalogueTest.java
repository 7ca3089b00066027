package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeCatalogueTest {

    /** The partner-facing specification, one of whose sections is the catalogue. */
    private static final Path SPECIFICATION = Path.of("docs/INTERFACE-SPEC.md");
    private static final String CATALOGUE_HEADING = "## Error and warning codes";

    /** Rows of the catalogue table by code: kind, meaning, fix. */
    private static Map<String, List<String>> documentedRows() throws IOException {
        List<String> lines = Files.readAllLines(SPECIFICATION, StandardCharsets.UTF_8);
        assertThat(lines).as("the specification's catalogue section").containsOnlyOnce(CATALOGUE_HEADING);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(lines.indexOf(CATALOGUE_HEADING) + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (line.startsWith("| `")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
                assertThat(cells).as(line).hasSize(4);
                List<String> previous = rows.put(cells[0].replace("`", ""), List.of(cells[1], cells[2], cells[3]));
                assertThat(previous).as("documented twice: " + cells[0]).isNull();
            }
        }
        return rows;
    }

    @Test
    void documentsEveryCodeOfTheEnumAndNoOther() throws IOException {
        assertThat(documentedRows().keySet())
                .containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void documentsKindMeaningAndFixExactlyAsTheEnumStatesThem(ErrorCode code) throws IOException {
        assertThat(documentedRows().get(code.name()))
                .containsExactly(code.warning() ? "warning" : "error", code.meaning(), code.senderFix());
    }

    @Test
    void includesEveryCodeTheInterfaceSpecificationRequires() {
        assertThat(Arrays.stream(ErrorCode.values()).filter(code -> !code.warning()).map(Enum::name))
                .contains("ID_FORMAT", "ID_CHECKSUM", "ID_BIRTHDATE", "ID_PROVINCE", "DATE_FORMAT", "CODE_UNKNOWN",
                        "FIELD_MISSING", "RECORD_LENGTH", "RECORD_SYNTAX", "FILE_HASH", "FILE_COUNT", "FILE_FORMAT");
        assertThat(Arrays.stream(ErrorCode.values()).filter(ErrorCode::warning).map(Enum::name))
                .containsExactlyInAnyOrder("SEX_MISMATCH", "DUPLICATE_IN_FILE", "ID_NUMBER_ABSENT",
                        "ID_UPGRADED_FROM_15", "REGION_UNVERIFIED");
    }
}
