package cn.canbao.hub.registry;

import cn.canbao.hub.model.PersonInsuranceMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One data file's records on their way into the registry: accepted records stream through one COPY, which
 * PostgreSQL works off while the next records are read and mapped; rejected ones go in batches into quarantine
 * (a batch ends the COPY, the next accepted record opens another). All of it is one transaction that commits
 * together with the file's intake row — so after a crash the file is either wholly stored or not at all, and is
 * simply read again.
 */
public final class FileTransaction implements AutoCloseable {

    private static final String BEGIN = SqlStatements.named("registry/intake/file-begin");
    private static final String COPY_SOURCE_RECORDS = SqlStatements.named("registry/intake/file-records");
    private static final String COMMIT = SqlStatements.named("registry/intake/file-commit");
    private static final int COPY_BUFFER_BYTES = 1 << 20;

    public record RejectedRecord(long recordNo, String raw, String errorsJson) {
    }

    private final Connection connection;
    private final NamedParameterJdbcTemplate jdbc;
    private final Quarantine quarantine;
    private final CopyManager copyManager;
    private final String system;
    private final String fileName;
    private final String sha256;
    private final OffsetDateTime receivedAt;
    private final String receivedAtText;
    private final int chunkSize;
    private final long fileId;
    private final CopyRows pending = new CopyRows(COPY_BUFFER_BYTES + 8192);
    private CopyIn copy;
    private final List<RejectedRecord> rejectedChunk = new ArrayList<>();
    private boolean committed;

    FileTransaction(Connection connection, String system, String fileName, String sha256, String kind,
              OffsetDateTime receivedAt, int chunkSize) throws SQLException {
        this.connection = connection;
        this.system = system;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.receivedAt = receivedAt;
        this.receivedAtText = receivedAt.toString();
        this.chunkSize = chunkSize;
        connection.setAutoCommit(false);
        // every statement on the file's own connection, in its one transaction
        this.jdbc = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.quarantine = new Quarantine(jdbc);
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.fileId = jdbc.queryForObject(BEGIN, new MapSqlParameterSource("system", system)
                .addValue("fileName", fileName).addValue("sha256", sha256).addValue("kind", kind)
                .addValue("receivedAt", receivedAt), Long.class);
    }

    /** Stores an accepted record as the file's record {@code recordNo}. */
    public void accept(long recordNo, String idNumber, String sourceKey, PersonInsuranceMessage message)
            throws SQLException {
        pending.ascii(system).tab().text(idNumber).tab().text(sourceKey).tab()
                .ascii(message.envelope().operation().name()).tab().number(fileId).tab().number(recordNo).tab()
                .ascii(receivedAtText).tab().text(StoredPayload.occurredAt(message)).tab()
                .escaped(StoredPayload.bytes(message)).endRow();
        if (pending.length() >= COPY_BUFFER_BYTES) {
            sendPending();
        }
    }

    public void reject(RejectedRecord rejected) throws SQLException {
        rejectedChunk.add(rejected);
        if (rejectedChunk.size() >= chunkSize) {
            endCopy();
            flushRejected();
        }
    }

    public void commit(String status, String disposition, long records, long accepted, long rejected,
                       String receiptJson) throws SQLException {
        flush();
        jdbc.update(COMMIT, new MapSqlParameterSource("status", status).addValue("disposition", disposition)
                .addValue("records", records)
                .addValue("accepted", accepted).addValue("rejected", rejected).addValue("receipt", receiptJson)
                .addValue("fileId", fileId));
        connection.commit();
        committed = true;
    }

    public long fileId() {
        return fileId;
    }

    private void flush() throws SQLException {
        endCopy();
        flushRejected();
    }

    private void sendPending() throws SQLException {
        if (copy == null) {
            copy = copyManager.copyIn(COPY_SOURCE_RECORDS);
        }
        pending.sendTo(copy);
    }

    private void endCopy() throws SQLException {
        if (pending.length() > 0) {
            sendPending();
        }
        if (copy != null) {
            CopyIn finished = copy;
            copy = null;
            finished.endCopy();
        }
    }

    private void flushRejected() {
        if (rejectedChunk.isEmpty()) {
            return;
        }
        // a record of content that was only rejected before, sent again (which the decisions allow), is quarantined
        // with the same key: its entry is brought up to this delivery
        quarantine.keepAll(rejectedChunk.stream().map(rejected -> new Quarantine.Entry(system,
                sha256 + ':' + rejected.recordNo(), fileName + '#' + rejected.recordNo(), fileId, rejected.recordNo(),
                rejected.raw(), rejected.errorsJson(), receivedAt)).toList(), Quarantine.Earlier.REPLACED);
        rejectedChunk.clear();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!committed) {
                if (copy != null && copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
            connection.close();
        }
    }
}
