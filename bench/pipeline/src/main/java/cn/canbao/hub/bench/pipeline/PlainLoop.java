package cn.canbao.hub.bench.pipeline;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.format.FileFormatException;
import cn.canbao.hub.connector.format.RawRecord;
import cn.canbao.hub.connector.format.RecordReader;
import cn.canbao.hub.connector.mapping.MappedRecord;
import cn.canbao.hub.connector.mapping.RecordContext;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.registry.FileTransaction;
import cn.canbao.hub.registry.FileTransaction.RejectedRecord;
import cn.canbao.hub.registry.IntakeStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The baseline of benchmark B2: one data file read, validated and mapped by a plain loop over the hub's own format
 * reader and mapping, its accepted records handed to the same seam as the route's ({@link FileTransaction}, whose
 * COPY ends in {@link CountingCopySink}), the way an engineer would write it without Camel: check the done file's
 * record count and SHA-256, read record after record, map it, store it or quarantine it, commit. What it leaves out
 * of what the route does: the done file's arrival and the file's name checked, delivery attempts counted, a repeated
 * delivery recognised, repeated source keys noticed, the receipt's error and warning lists, the receipt written
 * back and both files moved.
 */
final class PlainLoop {

    record Outcome(long records, long accepted, long rejected) {
    }

    private final IntakeStore store;
    private final ObjectMapper json;

    PlainLoop(IntakeStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    Outcome ingest(Connector connector, String fileName, String doneFile, InputStream data)
            throws IOException, SQLException, FileFormatException {
        String[] done = doneFile.strip().split("\n");
        String expectedSha256 = done[0].strip();
        long expectedRecords = Long.parseLong(done[1].strip().substring("records=".length()));
        boolean full = fileName.contains("_FULL.");
        Operation defaultOperation = full ? Operation.SNAPSHOT : Operation.UPDATE;
        OffsetDateTime receivedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        MessageDigest digest = sha256();
        InputStream in = new DigestInputStream(data, digest);
        long records = 0;
        long accepted = 0;
        try (FileTransaction batch = store.openFile(connector.system(), fileName, expectedSha256,
                full ? "FULL" : "INCREMENT", receivedAt);
             RecordReader reader = RecordReader.open(connector.descriptor().format(), in)) {
            RawRecord raw;
            while ((raw = reader.next()) != null) {
                long number = raw.number();
                records++;
                List<Remark> problems;
                if (raw.error() == null) {
                    MappedRecord mapped = connector.mapper().map(raw.fields(), RecordContext.ofFileRecord(
                            expectedSha256 + ':' + number, SourceReference.ofFile(fileName, number), receivedAt,
                            defaultOperation));
                    if (mapped.accepted()) {
                        batch.accept(number, mapped.idNumber(), mapped.sourceKey(), mapped.message());
                        accepted++;
                        continue;
                    }
                    problems = mapped.errors();
                } else {
                    problems = List.of(new Remark(raw.error().code().name(), raw.error().field(),
                            raw.error().message()));
                }
                batch.reject(new RejectedRecord(number, raw.raw(), json.writeValueAsString(problems)));
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expectedSha256) || records != expectedRecords) {
                throw new IllegalStateException(fileName + ": SHA-256 " + actual + ", " + records
                        + " records; the done file says " + expectedSha256 + ", " + expectedRecords);
            }
            long rejected = records - accepted;
            String status = rejected == 0 ? "ACCEPTED" : accepted == 0 ? "REJECTED" : "PARTIAL";
            batch.commit(status, accepted == 0 ? ".error" : ".done", records, accepted, rejected,
                    json.writeValueAsString(new Outcome(records, accepted, rejected)));
            return new Outcome(records, accepted, rejected);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
