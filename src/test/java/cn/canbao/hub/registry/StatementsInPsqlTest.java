package cn.canbao.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.canbao.hub.support.HubIntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;

/**
 * Every statement of sql/ runs in psql as it stands (docs/sql.md): each named parameter Spring binds is a psql
 * variable, here set to NULL, and PostgreSQL plans the statement (EXPLAIN, in a transaction rolled back). A
 * parameter psql did not take for one would stay in the text and fail as a syntax error.
 */
class StatementsInPsqlTest extends HubIntegrationTest {

    /** What must run before a statement in the same transaction, as its Java caller runs it. */
    private static final Map<String, String> RUN_BEFORE = Map.of(
            "compare/classify", "SELECT comparison_result_load_begin(0);",
            "compare/alerts-close", SqlStatements.named("compare/alerts-collect") + ";",
            "compare/alerts-write", SqlStatements.named("compare/alerts-collect") + ";");

    @Autowired
    HikariDataSource dataSource;

    static Stream<String> statements() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:sql/**/*.sql");
        return Arrays.stream(files).map(StatementsInPsqlTest::name).sorted();
    }

    @ParameterizedTest(name = "sql/{0}.sql")
    @MethodSource("statements")
    void runsInPsqlWithItsParametersAsVariables(String name) throws Exception {
        Optional<Path> psql = psql();
        assumeTrue(psql.isPresent(), "no psql on this machine");
        String statement = SqlStatements.named(name);
        // a COPY, a TRUNCATE or an ANALYZE cannot be explained: they run as they stand, COPY reading no rows
        boolean explained = !statement.lines().filter(line -> !line.startsWith("--")).findFirst().orElse("")
                .matches("(COPY|TRUNCATE|ANALYZE)\\b.*");
        String before = RUN_BEFORE.getOrDefault(name, "");
        String script = "BEGIN;\n" + before + "\n" + (explained ? "EXPLAIN " : "") + statement + ";\n"
                + (statement.contains("FROM STDIN") ? "\\.\n" : "") + "ROLLBACK;\n";

        Result result = run(psql.get(), variablesOf(before + "\n" + statement), script);

        assertThat(result.exitCode()).as("psql on sql/%s.sql: %s", name, result.errors()).isZero();
    }

    @Test
    void findsTheStatementsOfEveryCapability() throws IOException {
        assertThat(statements()).contains("compare/classify", "registry/refresh/merge-persons",
                "registry/quarantine/keep", "console/survey-result", "connector/replay-hub-faults");
    }

    private record Result(int exitCode, String errors) {
    }

    private Result run(Path psql, List<String> variables, String script) throws IOException, InterruptedException {
        URI url = URI.create(dataSource.getJdbcUrl().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", url.getHost(), "-p", String.valueOf(url.getPort()), "-U", dataSource.getUsername(),
                "-d", url.getPath().substring(1)));
        variables.forEach(variable -> command.addAll(List.of("-v", variable + "=NULL")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (dataSource.getPassword() != null) {
            builder.environment().put("PGPASSWORD", dataSource.getPassword());
        }
        schemaOf(url).ifPresent(schema -> builder.environment().put("PGOPTIONS", "-c search_path=" + schema));
        Process process = builder.start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("psql ends").isTrue();
        return new Result(process.exitValue(), errors);
    }

    /** The named parameters as Spring's NamedParameterJdbcTemplate finds them. */
    private static List<String> variablesOf(String statement) {
        return NamedParameterUtils.buildSqlParameterList(NamedParameterUtils.parseSqlStatement(statement),
                new EmptySqlParameterSource()).stream().map(SqlParameter::getName).distinct().toList();
    }

    /** The schema CI's standalone server gives the test hub ({@code ?currentSchema=}), if any. */
    private static Optional<String> schemaOf(URI url) {
        return Optional.ofNullable(url.getQuery()).stream().flatMap(query -> Arrays.stream(query.split("&")))
                .filter(pair -> pair.startsWith("currentSchema=")).map(pair -> pair.substring(pair.indexOf('=') + 1))
                .findFirst();
    }

    private static Optional<Path> psql() {
        return Stream.concat(Stream.of(Path.of("/usr/lib/postgresql/15/bin/psql")),
                        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).map(dir -> Path.of(dir,
                                "psql")))
                .filter(Files::isExecutable).findFirst();
    }

    private static String name(Resource file) {
        try {
            String url = file.getURL().toString();
            return url.substring(url.lastIndexOf("/sql/") + "/sql/".length(), url.length() - ".sql".length());
        } catch (IOException e) {
            throw new IllegalStateException("cannot name " + file, e);
        }
    }
}
