package cn.canbao.hub.province;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Compares a completed comparison run in the hub's database with a generated province's ground truth. The truth is
 * copied into a temporary table and joined with the run's results in the database, read through a cursor: neither
 * side is held in memory, whatever the province's size.
 */
final class AgreementCheck {

    private static final String LATEST_COMPLETED_RUN =
            "SELECT id FROM comparison_run WHERE status = 'COMPLETED' ORDER BY id DESC LIMIT 1";
    private static final String PERSONS = """
            SELECT t.id_number, t.kind, t.category, t.exclusion, t.flags, t.missing_schemes,
                   r.id_number AS actual_id, r.category AS actual_category, r.exclusion AS actual_exclusion,
                   array_to_string(r.flags, ';') AS actual_flags,
                   array_to_string(r.missing_schemes, ';') AS actual_missing
              FROM province_truth t
              FULL JOIN (SELECT * FROM comparison_result WHERE run_id = ?) r ON r.id_number::text = t.id_number
            """;
    private static final String QUARANTINED = """
            SELECT q.system, coalesce(f.file_name, q.source_ref) AS source, coalesce(q.record_no, 0) AS record_no,
                   e.code #>> '{}' AS code
              FROM quarantine q
              LEFT JOIN intake_file f ON f.id = q.intake_file_id
             CROSS JOIN LATERAL jsonb_path_query(q.errors, 'lax $.code') AS e(code)
            """;

    private AgreementCheck() {
    }

    /** Checks the given run, or the latest completed one when {@code runId} is null. */
    static Agreement check(Path truth, Connection hub, Long runId) throws SQLException, IOException {
        long run = runId != null ? runId : latestCompletedRun(hub);
        boolean autoCommit = hub.getAutoCommit();
        hub.setAutoCommit(false);
        try {
            loadTruth(truth, hub);
            Agreement agreement = new Agreement();
            try (PreparedStatement persons = hub.prepareStatement(PERSONS)) {
                persons.setFetchSize(10_000);
                persons.setLong(1, run);
                try (ResultSet rows = persons.executeQuery()) {
                    while (rows.next()) {
                        agreement.compare(expected(rows), actual(rows));
                    }
                }
            }
            agreement.compareQuarantine(expectedQuarantine(truth), actualQuarantine(hub));
            return agreement;
        } finally {
            hub.rollback();
            hub.setAutoCommit(autoCommit);
        }
    }

    private static long latestCompletedRun(Connection hub) throws SQLException {
        try (Statement statement = hub.createStatement(); ResultSet row = statement.executeQuery(LATEST_COMPLETED_RUN)) {
            if (!row.next()) {
                throw new IllegalStateException("the hub has no completed comparison run");
            }
            return row.getLong(1);
        }
    }

    private static void loadTruth(Path truth, Connection hub) throws SQLException, IOException {
        try (Statement statement = hub.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE province_truth (id_number TEXT, kind TEXT, category TEXT, "
                    + "exclusion TEXT, flags TEXT, missing_schemes TEXT) ON COMMIT DROP");
        }
        try (Reader reader = Files.newBufferedReader(truth.resolve(Truth.PERSONS))) {
            hub.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY province_truth FROM STDIN (FORMAT csv, HEADER true)", reader);
        }
        try (Statement statement = hub.createStatement()) {
            statement.execute("ANALYZE province_truth");
        }
    }

    private static Truth.Expected expected(ResultSet row) throws SQLException {
        String id = row.getString("id_number");
        if (id == null) {
            return null;
        }
        return new Truth.Expected(id, row.getString("kind"), row.getString("category"),
                emptyAsNull(row.getString("exclusion")), Truth.set(row.getString("flags")),
                Truth.set(row.getString("missing_schemes")));
    }

    private static Agreement.Actual actual(ResultSet row) throws SQLException {
        String id = row.getString("actual_id");
        if (id == null) {
            return null;
        }
        return new Agreement.Actual(id, row.getString("actual_category"), row.getString("actual_exclusion"),
                Truth.set(row.getString("actual_flags")), Truth.set(row.getString("actual_missing")));
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Set<String> expectedQuarantine(Path truth) throws IOException {
        return Truth.quarantine(truth).stream()
                .map(r -> r.system() + " " + r.file() + " " + r.record() + " " + r.code())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> actualQuarantine(Connection hub) throws SQLException {
        Set<String> entries = new HashSet<>();
        try (Statement statement = hub.createStatement(); ResultSet rows = statement.executeQuery(QUARANTINED)) {
            while (rows.next()) {
                entries.add(rows.getString("system") + " " + rows.getString("source") + " "
                        + rows.getLong("record_no") + " " + rows.getString("code"));
            }
        }
        return entries;
    }
}
