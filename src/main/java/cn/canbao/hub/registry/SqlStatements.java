package cn.canbao.hub.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL statements of the hub, each a file {@code sql/<name>.sql} on the classpath with named parameters
 * ({@code :asOf}) as NamedParameterJdbcTemplate binds them and psql substitutes its variables, so that a statement
 * runs in psql as it stands (docs/sql.md). Each file is read once.
 */
public final class SqlStatements {

    private static final Map<String, String> STATEMENT_OF_NAME = new ConcurrentHashMap<>();

    private SqlStatements() {
    }

    /**
     * The statement in {@code sql/<name>.sql}, without the semicolon that ends it in the file.
     *
     * @param name the path below {@code sql/} without {@code .sql}, such as {@code compare/classify}
     * @throws IllegalStateException when there is no such file: a broken build, never a matter of data
     */
    public static String named(String name) {
        return STATEMENT_OF_NAME.computeIfAbsent(name, SqlStatements::read);
    }

    private static String read(String name) {
        String resource = "sql/" + name + ".sql";
        try (InputStream in = SqlStatements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no SQL statement " + resource + " on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SQL statement " + resource, e);
        }
    }
}
