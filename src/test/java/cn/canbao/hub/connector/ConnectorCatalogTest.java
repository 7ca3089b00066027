package cn.canbao.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.canbao.hub.connector.mapping.Standards;
import cn.canbao.hub.standard.CodeTables;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.RegionCodes;
import cn.canbao.hub.standard.Regions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Descriptors are checked at start; a broken one names its file and the field at fault. */
class ConnectorCatalogTest {

    private static final Standards STANDARDS =
            new Standards(IdentityNumbers.standard(), new RegionCodes(Regions.standard(), "63"), CodeTables.standard());

    private static final String VALID = """
            system: CARD
            description: card holders
            transports:
              - kind: sftp-batch-in
                account: card
                extension: csv
            format:
              kind: CSV
              encoding: UTF-8
              columns: [id_number, name, sex]
            mapping:
              fields:
                person.idNumber: { from: id_number, type: idNumber, required: true }
                person.name:     { from: name, type: name, required: true }
                person.sex:      { from: sex, type: sex }
            """;

    @TempDir
    Path directory;

    @Test
    void loadsEveryDescriptorOfTheProject() {
        ConnectorCatalog catalog = ConnectorCatalog.load(Path.of("connectors"), STANDARDS, Map.of());

        assertThat(catalog.all()).extracting(Connector::system).containsExactlyInAnyOrder("CARD", "CIVIL",
                "EDUCATION", "INJURY", "JUSTICE", "MATERNITY", "MEDICAL", "PENSION", "POLICE", "UNEMPLOYMENT");
    }

    @Test
    void loadsAValidDescriptor() throws IOException {
        Files.writeString(directory.resolve("card.connector.yaml"), VALID);

        assertThat(ConnectorCatalog.load(directory, STANDARDS, Map.of()).get("CARD").descriptor().format().columns())
                .containsExactly("id_number", "name", "sex");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown transport kind|kind: sftp-batch-in|kind: ftp-in|$.transports[0].kind",
            "code field without table|{ from: sex, type: sex }|{ from: sex, type: code }|table",
            "unknown code table|{ from: sex, type: sex }|{ from: sex, type: code, table: sexes }|mapping.fields.person.sex.table: unknown code table 'sexes'",
            "unknown canonical field|person.sex:      |person.gender:   |mapping.fields.person.gender: unknown canonical field",
            "map onto a code outside the table|{ from: sex, type: sex }|{ from: sex, type: code, table: sex, map: { M: \"7\" } }|mapping.fields.person.sex.map.M",
            "field bean that does not exist|{ from: sex, type: sex }|{ from: sex, bean: sexOfRoster, type: sex }|mapping.fields.person.sex.bean: no FieldConverter bean named 'sexOfRoster'; known: []",
            "date without pattern|{ from: sex, type: sex }|{ from: sex, type: date }|pattern",
            "both from and constant|{ from: sex, type: sex }|{ from: sex, constant: \"1\", type: sex }|$.mapping.fields.person.sex: must be valid to one and only one schema",
            "unknown format kind|kind: CSV|kind: EXCEL|$.format.kind",
            "misspelt key|extension: csv|extention: csv|extention"})
    void refusesABrokenDescriptorNamingFileAndField(String problem, String replace, String with, String named)
            throws IOException {
        Files.writeString(directory.resolve("card.connector.yaml"), VALID.replace(replace, with));

        assertThatThrownBy(() -> ConnectorCatalog.load(directory, STANDARDS, Map.of()))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("card.connector.yaml")
                .hasMessageContaining(named);
    }

    @Test
    void loadsTheWorkedExampleOfTheDocs() throws IOException {
        String docs = Files.readString(Path.of("docs/connectors.md"));
        int start = docs.indexOf("   system: LTC");
        String block = docs.substring(start, docs.indexOf("```", start));
        Files.writeString(directory.resolve("ltc.connector.yaml"), block.stripIndent());

        Connector ltc = ConnectorCatalog.load(directory, STANDARDS, Map.of()).get("LTC");

        assertThat(ltc.descriptor().transport(TransportKind.SFTP_BATCH_IN)).get()
                .extracting(TransportSpec::account).isEqualTo("ltc");
    }

    @Test
    void refusesADescriptorInAFileNamedForAnotherSystem() throws IOException {
        Files.writeString(directory.resolve("pension.connector.yaml"), VALID);

        assertThatThrownBy(() -> ConnectorCatalog.load(directory, STANDARDS, Map.of()))
                .hasMessageContaining("system: CARD belongs in card.connector.yaml");
    }
}
