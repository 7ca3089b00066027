package cn.canbao.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class SourcePrecedenceTest {

    @Test
    void ranksEveryShippedConnectorsSystemInTheShippedConfiguration() throws Exception {
        SourcePrecedence shipped = new SourcePrecedence(shippedConfiguration());

        try (var descriptors = Files.list(Path.of("connectors"))) {
            List<Path> files = descriptors.toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                String system = Files.readAllLines(file).stream().filter(line -> line.startsWith("system: "))
                        .findFirst().orElseThrow().substring("system: ".length()).strip();
                assertThatCode(() -> shipped.requireRanked(system, file.toString())).doesNotThrowAnyException();
            }
        }
        assertThat(shipped.asSqlList()).startsWith("POLICE,CARD,");
    }

    @Test
    void stopsTheHubForASystemWithoutARankNamingItAndItsDescriptor() {
        SourcePrecedence precedence = new SourcePrecedence(List.of("POLICE", "CARD"));

        assertThatThrownBy(() -> precedence.requireRanked("LTC", "connectors/ltc.connector.yaml"))
                .hasMessageContaining("source system LTC (connectors/ltc.connector.yaml) has no rank in "
                        + "canbao.registry.identity-precedence [POLICE, CARD]");
    }

    @Test
    void refusesASystemRankedTwice() {
        assertThatThrownBy(() -> new SourcePrecedence(List.of("POLICE", "CARD", "POLICE")))
                .hasMessage("canbao.registry.identity-precedence ranks POLICE twice");
    }

    @Test
    void refusesToStartWithoutTheList() {
        assertThatThrownBy(() -> new SourcePrecedence(new StandardEnvironment()))
                .hasMessageStartingWith("canbao.registry.identity-precedence is not set");
    }

    private static StandardEnvironment shippedConfiguration() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("shipped", new FileSystemResource("config/application.yaml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return environment;
    }
}
