package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.format.FileFormatException;
import cn.canbao.hub.connector.format.RawRecord;
import cn.canbao.hub.connector.format.RecordReader;
import cn.canbao.hub.connector.mapping.MappedRecord;
import cn.canbao.hub.connector.mapping.RecordContext;
import cn.canbao.hub.connector.receipt.FileReceipt;
import cn.canbao.hub.connector.receipt.ReceiptEntries;
import cn.canbao.hub.connector.receipt.ReceiptEntry;
import cn.canbao.hub.connector.receipt.ReceiptStatus;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.registry.FileTransaction;
import cn.canbao.hub.registry.FileTransaction.RejectedRecord;
import cn.canbao.hub.registry.IntakeStore;
import cn.canbao.hub.standard.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Streams one data file through its format reader and mapping into the registry in a single transaction,
 * hashing the bytes on the way; the file is rejected whole (and nothing stored) when its format, its
 * SHA-256 or its record count is wrong.
 */
public class FileLoader {

    private final IntakeStore writer;
    private final ObjectMapper json;
    private final int receiptCap;

    public FileLoader(IntakeStore writer, ObjectMapper json, int receiptCap) {
        this.writer = writer;
        this.json = json;
        this.receiptCap = receiptCap;
    }

    /** The file's fate: stored (with its receipt) or rejected whole. */
    public sealed interface Result permits Stored, RejectedWhole {
    }

    public record Stored(FileReceipt receipt, long fileId) implements Result {
    }

    public record RejectedWhole(String sha256, long records, ErrorCode code, String message) implements Result {
    }

    private static final class Counts {
        long records;
        long accepted;
        long rejected;
        final SourceKeysSeen sourceKeys = new SourceKeysSeen();
    }

    public Result ingest(Connector connector, String fileName, boolean full, DoneFile done, InputStream data,
                         OffsetDateTime receivedAt) throws IOException, SQLException {
        MessageDigest digest = Sha256.digest();
        InputStream in = new DigestInputStream(data, digest);
        Operation defaultOperation = full ? Operation.SNAPSHOT : Operation.UPDATE;
        ReceiptEntries errors = new ReceiptEntries(receiptCap);
        ReceiptEntries warnings = new ReceiptEntries(receiptCap);
        Counts counts = new Counts();
        try (FileTransaction batch = writer.openFile(connector.system(), fileName, done.sha256(), full ? "FULL" : "INCREMENT",
                receivedAt)) {
            try (RecordReader reader = RecordReader.open(connector.descriptor().format(), unclosable(in))) {
                RawRecord raw;
                while ((raw = reader.next()) != null) {
                    counts.records++;
                    store(connector, fileName, done, receivedAt, defaultOperation, raw, batch, errors, warnings, counts);
                }
            } catch (FileFormatException e) {
                Sha256.drain(in);
                return new RejectedWhole(Sha256.hex(digest), counts.records, e.code(), e.getMessage());
            }
            Sha256.drain(in);
            String actual = Sha256.hex(digest);
            if (!actual.equals(done.sha256())) {
                return new RejectedWhole(actual, counts.records, ErrorCode.FILE_HASH, "the done file says SHA-256 "
                        + done.sha256() + " but the data file has " + actual);
            }
            if (counts.records != done.records()) {
                return new RejectedWhole(actual, counts.records, ErrorCode.FILE_COUNT, "the done file says records="
                        + done.records() + " but the data file holds " + counts.records + " data records");
            }
            ReceiptStatus status = counts.rejected == 0 ? ReceiptStatus.ACCEPTED
                    : counts.accepted == 0 ? ReceiptStatus.REJECTED : ReceiptStatus.PARTIAL;
            FileReceipt receipt = new FileReceipt(fileName, actual, status, receivedAt, counts.records,
                    counts.accepted, counts.rejected, errors.list(), errors.truncated(), warnings.list(),
                    warnings.truncated());
            batch.commit(status.name(), FileIntake.dispositionOf(status), counts.records, counts.accepted,
                    counts.rejected, json.writeValueAsString(receipt));
            return new Stored(receipt, batch.fileId());
        }
    }

    /** The readers close what they read; the digest must still see the rest of the file afterwards. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the stream belongs to the consumer route, which closes it
            }
        };
    }

    private void store(Connector connector, String fileName, DoneFile done, OffsetDateTime receivedAt,
                       Operation defaultOperation, RawRecord raw, FileTransaction batch, ReceiptEntries errors,
                       ReceiptEntries warnings, Counts counts) throws IOException, SQLException {
        long number = raw.number();
        List<Remark> problems;
        if (raw.error() != null) {
            problems = List.of(new Remark(raw.error().code().name(), raw.error().field(), raw.error().message()));
        } else {
            RecordContext context = RecordContext.ofFileRecord(done.sha256() + ':' + number,
                    SourceReference.ofFile(fileName, number), receivedAt, defaultOperation);
            MappedRecord mapped = connector.mapper().map(raw.fields(), context);
            if (mapped.accepted()) {
                batch.accept(number, mapped.idNumber(), mapped.sourceKey(), mapped.message());
                counts.accepted++;
                long first = counts.sourceKeys.firstRecordOf(mapped.sourceKey(), number);
                if (first != 0) {
                    warnings.add(new ReceiptEntry(number, null, ErrorCode.DUPLICATE_IN_FILE.name(),
                            "states the same person and record as record " + first + "; both are kept"));
                }
                for (Remark warning : mapped.message().warnings()) {
                    warnings.add(new ReceiptEntry(number, warning.field(), warning.code(), warning.message()));
                }
                return;
            }
            problems = mapped.errors();
        }
        counts.rejected++;
        batch.reject(new RejectedRecord(number, raw.raw(), json.writeValueAsString(problems)));
        for (Remark problem : problems) {
            errors.add(new ReceiptEntry(number, problem.field(), problem.code(), problem.message()));
        }
    }
}
