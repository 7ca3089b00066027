package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.HubIntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V13 keys a run's results by the identity number as a number: the runs kept from before it keep every row, get
 * the number, and are keyed and indexed as new runs are. A schema of its own, migrated to V12 first.
 */
class RunKeyMigrationTest extends HubIntegrationTest {

    /** Around the check character X (10), which sorts after 9 as a character and as a number. */
    private static final List<String> IDS = List.of("630102198001010019", "63010219800101001X",
            "630102198001010020", "630102200001010000", "632823199912310999", "63282319991231099X");

    @Autowired
    DataSource dataSource;

    @Test
    void keysTheKeptRunsByTheIdentityNumberAsANumberInTheSameOrder() throws SQLException {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            try {
                migrateAsOfV12(connection, schema);
                db.execute("SET search_path TO " + schema);
                keepARunOfBeforeV13(db);

                migrateToLatest(connection, schema);
                db.execute("SET search_path TO " + schema);

                List<Map<String, Object>> rows = db.queryForList(
                        "SELECT id_number, id_key, category FROM comparison_result WHERE run_id = 7 ORDER BY id_key");
                assertThat(rows).extracting(row -> row.get("id_number")).containsExactlyElementsOf(IDS);
                assertThat(rows).extracting(row -> row.get("id_key")).containsExactly(
                        6301021980010100L * 110 + 1 * 11 + 9, 6301021980010100L * 110 + 1 * 11 + 10,
                        6301021980010100L * 110 + 2 * 11, 6301022000010100L * 110,
                        6328231999123109L * 110 + 9 * 11 + 9, 6328231999123109L * 110 + 9 * 11 + 10);
                assertThat(rows).extracting(row -> row.get("category")).containsOnly("UNINSURED");
                assertThat(db.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = ? "
                        + "AND tablename = 'comparison_result_7' ORDER BY indexname", String.class, schema))
                        .containsExactly(
                                "CREATE UNIQUE INDEX comparison_result_7_pkey ON " + schema
                                        + ".comparison_result_7 USING btree (id_key)",
                                "CREATE INDEX comparison_result_7_roster ON " + schema
                                        + ".comparison_result_7 USING btree (county, township, id_key) WHERE rostered");
            } finally {
                db.execute("RESET search_path");
                db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /**
     * The schema as V12 left it: the versioned migrations up to 12, without the repeatable ones, whose functions and
     * views are today's (an R__ file is recognised by its prefix; with another prefix Flyway passes it by).
     */
    private static void migrateAsOfV12(Connection connection, String schema) {
        migrations(connection, schema).target("12").repeatableSqlMigrationPrefix("not-yet-").load().migrate();
    }

    private static void migrateToLatest(Connection connection, String schema) {
        migrations(connection, schema).load().migrate();
    }

    private static FluentConfiguration migrations(Connection connection, String schema) {
        return Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true)).schemas(schema)
                .createSchemas(true).locations("classpath:db/migration");
    }

    /** A run's results written as the comparison did before V13 (the load table becomes the run's partition). */
    private static void keepARunOfBeforeV13(JdbcTemplate db) {
        db.queryForObject("SELECT comparison_result_load_begin(7)", String.class);
        for (String id : IDS) {
            db.update("""
                    INSERT INTO comparison_result_load (run_id, id_number, category, flags, unmet, missing_schemes,
                        held_schemes, active_schemes, employed, pension_expected, pension_met, medical_met, rostered,
                        county, township)
                    VALUES (7, ?, 'UNINSURED', '{}', '{MEDICAL}', '{390}', 0, 0, false, true, false, false, true,
                            '630102', '630102001')
                    """, id);
        }
        db.queryForObject("SELECT comparison_result_load_finish(7)", String.class);
    }
}
