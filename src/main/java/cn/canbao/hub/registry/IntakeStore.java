package cn.canbao.hub.registry;

import cn.canbao.hub.model.PersonInsuranceMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that writes what arrives into the registry: source records, quarantine entries and the
 * idempotency keys that make a second delivery a no-op (sql/registry/intake/).
 */
@Component
public class IntakeStore {

    private static final String ANSWERED_BEFORE = SqlStatements.named("registry/intake/file-answered-before");
    private static final String ANSWER_UNDELIVERED = SqlStatements.named("registry/intake/file-answer-undelivered");
    private static final String NOT_INGESTED = SqlStatements.named("registry/intake/file-not-ingested");
    private static final String SINGLE_RECORD = SqlStatements.named("registry/intake/single-record");
    private static final String UNDELIVERED = SqlStatements.named("registry/intake/file-undelivered");
    private static final String DELIVERED = SqlStatements.named("registry/intake/file-delivered");

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final Quarantine quarantine;
    private final int chunkSize;

    public IntakeStore(DataSource dataSource, Quarantine quarantine,
                        @Value("${canbao.intake.chunk-size:5000}") int chunkSize) {
        this.dataSource = dataSource;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.quarantine = quarantine;
        this.chunkSize = chunkSize;
    }

    /** Starts storing a file's records; nothing is visible until {@link FileTransaction#commit}. */
    public FileTransaction openFile(String system, String fileName, String sha256, String kind, OffsetDateTime receivedAt)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new FileTransaction(connection, system, fileName, sha256, kind, receivedAt, chunkSize);
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
    public Optional<AnsweredFile> answeredBefore(String system, String fileName, String sha256) {
        MapSqlParameterSource file = new MapSqlParameterSource("system", system).addValue("fileName", fileName)
                .addValue("sha256", sha256);
        return jdbc.query(ANSWERED_BEFORE, file, (rs, n) -> new AnsweredFile(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .stream().findFirst();
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
        MapSqlParameterSource answer = new MapSqlParameterSource("system", system).addValue("fileName", fileName)
                .addValue("sha256", sha256).addValue("kind", kind).addValue("status", status)
                .addValue("disposition", disposition).addValue("receivedAt", receivedAt).addValue("records", records)
                .addValue("rejected", "REJECTED".equals(status) ? records : 0).addValue("receipt", receiptJson);
        List<LoggedAnswer> undelivered = jdbc.query(ANSWER_UNDELIVERED, answer,
                (rs, n) -> new LoggedAnswer(rs.getLong(1), rs.getString(2)));
        if (!undelivered.isEmpty()) {
            return undelivered.get(0);
        }
        long id = jdbc.queryForObject(NOT_INGESTED, answer, Long.class);
        return new LoggedAnswer(id, receiptJson);
    }

    /** Stores one record that arrived alone (a front-database row); false if its intake key is stored already. */
    public boolean storeSingle(String system, String intakeKey, String idNumber, String sourceKey,
                               PersonInsuranceMessage message, OffsetDateTime receivedAt) {
        return jdbc.update(SINGLE_RECORD, new MapSqlParameterSource("system", system).addValue("idNumber", idNumber)
                .addValue("sourceKey", sourceKey).addValue("operation", message.envelope().operation().name())
                .addValue("intakeKey", intakeKey).addValue("receivedAt", receivedAt)
                .addValue("occurredAt", message.envelope().occurredAt())
                .addValue("payload", StoredPayload.json(message))) == 1;
    }

    /** Quarantines one record that arrived alone; a second delivery of the same key changes nothing. */
    public void quarantineSingle(String system, String intakeKey, String sourceRef, String raw, String errorsJson,
                                 OffsetDateTime receivedAt) {
        quarantine.keep(Quarantine.Entry.single(system, intakeKey, sourceRef, raw, errorsJson, receivedAt),
                Quarantine.Earlier.KEPT);
    }

    /** A file's answer whose files were not all moved yet: its intake log id and the folder its files go to. */
    public record Undelivered(long id, String disposition) {
    }

    public Optional<Undelivered> undelivered(String system, String fileName) {
        return jdbc.query(UNDELIVERED, new MapSqlParameterSource("system", system).addValue("fileName", fileName),
                (rs, n) -> new Undelivered(rs.getLong(1), rs.getString(2))).stream().findFirst();
    }

    public void markDelivered(long fileId) {
        jdbc.update(DELIVERED, new MapSqlParameterSource("fileId", fileId));
    }
}
