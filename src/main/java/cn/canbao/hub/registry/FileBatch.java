package cn.canbao.hub.registry;

import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.standard.StorableText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * One data file's records on their way into the registry: accepted records stream through one COPY, which
 * PostgreSQL works off while the next records are read and mapped; rejected ones go in batches into quarantine
 * (a batch ends the COPY, the next accepted record opens another). All of it is one transaction that commits
 * together with the file's intake row — so after a crash the file is either wholly stored or not at all, and is
 * simply read again.
 */
public final class FileBatch implements AutoCloseable {

    private static final String COPY_SOURCE_RECORDS = "COPY source_record (system, id_number, source_key, operation, "
            + "intake_file_id, record_no, received_at, payload) FROM STDIN";
    private static final int COPY_BUFFER_BYTES = 1 << 20;
    /**
     * A record of content that was only rejected before, sent again (which the decisions allow), is quarantined with
     * the same key: its entry is brought up to this delivery.
     */
    private static final String INSERT_QUARANTINE = "INSERT INTO quarantine (system, intake_key, source_ref, "
            + "intake_file_id, record_no, raw, errors, received_at) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?) "
            + "ON CONFLICT (intake_key) DO UPDATE SET source_ref = EXCLUDED.source_ref, "
            + "intake_file_id = EXCLUDED.intake_file_id, raw = EXCLUDED.raw, errors = EXCLUDED.errors, "
            + "received_at = EXCLUDED.received_at";

    public record RejectedRecord(long recordNo, String raw, String errorsJson) {
    }

    private final Connection connection;
    private final CopyManager copyManager;
    private final String system;
    private final String fileName;
    private final String sha256;
    private final Timestamp receivedAt;
    private final String receivedAtText;
    private final int chunkSize;
    private final long fileId;
    private final CopyRows pending = new CopyRows(COPY_BUFFER_BYTES + 8192);
    private CopyIn copy;
    private final List<RejectedRecord> rejectedChunk = new ArrayList<>();
    private boolean committed;

    FileBatch(Connection connection, String system, String fileName, String sha256, String kind,
              OffsetDateTime receivedAt, int chunkSize) throws SQLException {
        this.connection = connection;
        this.system = system;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.receivedAt = Timestamp.from(receivedAt.toInstant());
        this.receivedAtText = receivedAt.toString();
        this.chunkSize = chunkSize;
        connection.setAutoCommit(false);
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO intake_file (system, file_name, "
                + "sha256, kind, status, disposition, received_at, records, accepted, rejected, receipt) "
                + "VALUES (?, ?, ?, ?, 'PARTIAL', '.done', ?, 0, 0, 0, '{}') RETURNING id")) {
            insert.setString(1, system);
            insert.setString(2, fileName);
            insert.setString(3, sha256);
            insert.setString(4, kind);
            insert.setTimestamp(5, this.receivedAt);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                this.fileId = rs.getLong(1);
            }
        }
    }

    /** Stores an accepted record as the file's record {@code recordNo}. */
    public void accept(long recordNo, String idNumber, String sourceKey, PersonInsuranceMessage message)
            throws SQLException {
        pending.ascii(system).tab().text(idNumber).tab().text(sourceKey).tab()
                .ascii(message.envelope().operation().name()).tab().number(fileId).tab().number(recordNo).tab()
                .ascii(receivedAtText).tab().escaped(StoredPayload.bytes(message)).endRow();
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

    public void commit(String status, long records, long accepted, long rejected, String receiptJson)
            throws SQLException {
        flush();
        try (PreparedStatement update = connection.prepareStatement("UPDATE intake_file SET status = ?, "
                + "records = ?, accepted = ?, rejected = ?, receipt = CAST(? AS JSONB) WHERE id = ?")) {
            update.setString(1, status);
            update.setLong(2, records);
            update.setLong(3, accepted);
            update.setLong(4, rejected);
            update.setString(5, receiptJson);
            update.setLong(6, fileId);
            update.executeUpdate();
        }
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

    private void flushRejected() throws SQLException {
        if (rejectedChunk.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_QUARANTINE)) {
            for (RejectedRecord rejected : rejectedChunk) {
                insert.setString(1, system);
                insert.setString(2, sha256 + ':' + rejected.recordNo());
                insert.setString(3, fileName + '#' + rejected.recordNo());
                insert.setLong(4, fileId);
                insert.setLong(5, rejected.recordNo());
                insert.setString(6, StorableText.withoutNul(rejected.raw()));
                insert.setString(7, rejected.errorsJson());
                insert.setTimestamp(8, receivedAt);
                insert.addBatch();
            }
            insert.executeBatch();
        }
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
