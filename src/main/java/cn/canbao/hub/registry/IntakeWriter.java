package cn.canbao.hub.registry;

import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.standard.StorableText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that writes what arrives into the registry: source records, quarantine entries and the
 * idempotency keys that make a second delivery a no-op.
 */
@Component
public class IntakeWriter {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final int chunkSize;

    public IntakeWriter(DataSource dataSource, @Value("${canbao.intake.chunk-size:5000}") int chunkSize) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.chunkSize = chunkSize;
    }

    /** Starts storing a file's records; nothing is visible until {@link FileBatch#commit}. */
    public FileBatch openFile(String system, String fileName, String sha256, String kind, OffsetDateTime receivedAt)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new FileBatch(connection, system, fileName, sha256, kind, receivedAt, chunkSize);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * What the hub answered before to this content: the answer to this very file that it could not deliver (a crash
     * came between its commit and its move), whatever its status, or else the content's ingestion under any name.
     * Content that was only rejected may be sent again and is then taken in anew.
     */
    public Optional<IngestedFile> answeredBefore(String system, String fileName, String sha256) {
        List<IngestedFile> found = jdbc.query("""
                        SELECT id, file_name, status, disposition, receipt::text, delivered_at FROM intake_file
                        WHERE sha256 = ? AND (status IN ('ACCEPTED', 'PARTIAL')
                                              OR system = ? AND file_name = ? AND delivered_at IS NULL)
                        ORDER BY (delivered_at IS NULL AND file_name = ?) DESC, id DESC LIMIT 1""",
                (rs, n) -> new IngestedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)),
                sha256, system, fileName, fileName);
        return found.stream().findFirst();
    }

    /** A file's answer as the intake log holds it. */
    public record LoggedAnswer(long id, String receiptJson) {
    }

    /**
     * Logs a file that was not ingested (rejected whole, or a duplicate) together with its receipt — unless the same
     * answer to the same file is logged already and was never delivered (the hub stopped before it could move the
     * file), which is then answered again as it was decided, so a file is logged once however often it is read.
     */
    public LoggedAnswer logNotIngested(String system, String fileName, String sha256, String kind, String status,
                                       String disposition, OffsetDateTime receivedAt, long records, String receiptJson) {
        List<LoggedAnswer> undelivered = jdbc.query("SELECT id, receipt::text FROM intake_file WHERE system = ? "
                        + "AND file_name = ? AND sha256 = ? AND status = ? AND delivered_at IS NULL ORDER BY id DESC LIMIT 1",
                (rs, n) -> new LoggedAnswer(rs.getLong(1), rs.getString(2)), system, fileName, sha256, status);
        if (!undelivered.isEmpty()) {
            return undelivered.get(0);
        }
        long id = jdbc.queryForObject("INSERT INTO intake_file (system, file_name, sha256, kind, status, disposition, "
                        + "received_at, records, accepted, rejected, receipt) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, CAST(? AS JSONB)) RETURNING id", Long.class,
                system, fileName, sha256, kind, status, disposition, receivedAt, records,
                "REJECTED".equals(status) ? records : 0, receiptJson);
        return new LoggedAnswer(id, receiptJson);
    }

    /** Stores one record that arrived alone (a front-database row); false if its intake key is stored already. */
    public boolean storeSingle(String system, String intakeKey, String idNumber, String sourceKey,
                               PersonInsuranceMessage message, OffsetDateTime receivedAt) {
        return jdbc.update("INSERT INTO source_record (system, id_number, source_key, operation, intake_key, "
                        + "received_at, payload) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSON)) "
                        + "ON CONFLICT (intake_key) WHERE intake_key IS NOT NULL DO NOTHING",
                system, idNumber, sourceKey, message.envelope().operation().name(), intakeKey, receivedAt,
                StoredPayload.json(message)) == 1;
    }

    /** Quarantines one record that arrived alone; a second delivery of the same key changes nothing. */
    public void quarantineSingle(String system, String intakeKey, String sourceRef, String raw, String errorsJson,
                                 OffsetDateTime receivedAt) {
        jdbc.update("INSERT INTO quarantine (system, intake_key, source_ref, raw, errors, received_at) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?) ON CONFLICT (intake_key) DO NOTHING",
                system, intakeKey, sourceRef, StorableText.withoutNul(raw), errorsJson, receivedAt);
    }

    /** A file's answer whose files were not all moved yet: its intake log id and the folder its files go to. */
    public record Undelivered(long id, String disposition) {
    }

    public Optional<Undelivered> undelivered(String system, String fileName) {
        return jdbc.query("SELECT id, disposition FROM intake_file WHERE system = ? AND file_name = ? "
                        + "AND delivered_at IS NULL ORDER BY id DESC LIMIT 1",
                (rs, n) -> new Undelivered(rs.getLong(1), rs.getString(2)), system, fileName).stream().findFirst();
    }

    public void markDelivered(long fileId) {
        jdbc.update("UPDATE intake_file SET delivered_at = now() WHERE id = ?", fileId);
    }
}
