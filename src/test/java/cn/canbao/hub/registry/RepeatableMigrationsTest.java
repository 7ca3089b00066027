package cn.canbao.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every function and view has one current definition, in one repeatable migration (R__): the versioned migrations
 * (V__) that created or changed it earlier stay as they were applied, and a reader finds what runs now in one place.
 */
class RepeatableMigrationsTest {

    private static final Pattern DEFINITION = Pattern.compile(
            "(?i)\\bCREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|VIEW)\\s+([a-z_][a-z0-9_]*)");

    private record Definition(String migration, String name, boolean replaces) {
    }

    @Test
    void everyFunctionAndViewIsDefinedInExactlyOneRepeatableMigration() throws IOException {
        List<Definition> definitions = definitions();
        Set<String> defined = definitions.stream().map(Definition::name).collect(Collectors.toSet());

        Map<String, List<String>> repeatableOfName = new TreeMap<>();
        defined.forEach(name -> repeatableOfName.put(name, definitions.stream()
                .filter(d -> d.name().equals(name) && d.migration().startsWith("R__")).map(Definition::migration)
                .toList()));

        assertThat(repeatableOfName).isNotEmpty().allSatisfy((name, repeatable) ->
                assertThat(repeatable).as("the repeatable migrations defining %s", name).hasSize(1));
    }

    @Test
    void aRepeatableMigrationReplacesWhatItDefinesSoThatItCanRunAgain() throws IOException {
        assertThat(definitions()).filteredOn(d -> d.migration().startsWith("R__"))
                .isNotEmpty().allSatisfy(d -> assertThat(d.replaces()).as("%s in %s", d.name(), d.migration())
                        .isTrue());
    }

    private static List<Definition> definitions() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
        return Arrays.stream(migrations).flatMap(migration -> {
            String text;
            try {
                text = migration.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + migration, e);
            }
            Matcher found = DEFINITION.matcher(text);
            return found.results().map(m -> new Definition(migration.getFilename(), m.group(3).toLowerCase(),
                    m.group(1) != null));
        }).toList();
    }
}
