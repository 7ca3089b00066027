package cn.canbao.hub.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.format.FileFormatException;
import cn.canbao.hub.connector.format.RawRecord;
import cn.canbao.hub.connector.format.RecordReader;
import cn.canbao.hub.connector.mapping.RecordContext;
import cn.canbao.hub.connector.mapping.Standards;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.standard.CodeTables;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.RegionCodes;
import cn.canbao.hub.standard.Regions;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The format readers and mappings alone, without transport or database, over the same generated files the
 * end-to-end fuzz sends: every file ends in records (each read or with a record error) or in a file-level
 * rejection, never in another exception. Fast, so a reader defect shows here first, with its input.
 */
class FormatReadersFuzzTest {

    private static final int FILES = Integer.getInteger("canbao.fuzz.reader-files", 2_000);
    private static final long SEED = Long.getLong("canbao.fuzz.seed", FuzzSettings.DEFAULT_SEED);

    private final ConnectorCatalog catalog = ConnectorCatalog.load(Path.of("connectors"),
            new Standards(IdentityNumbers.standard(), new RegionCodes(Regions.standard(), "63"), CodeTables.standard()),
            Map.of());

    @Test
    void everyMalformedFileEndsInRecordsOrAFileRejection() {
        List<String> failures = new ArrayList<>();
        for (MalformedFile file : new MalformedFiles(FileSource.all(), SEED).next(FILES)) {
            try {
                read(file);
            } catch (FileFormatException expected) {
                // the whole file is rejected with a FILE_ code: an answer
            } catch (Exception | StackOverflowError e) {
                failures.add(file.fileName() + " [" + file.mutation() + "]: " + e + " at " + where(e));
            }
        }
        assertThat(failures).as("files whose reading or mapping failed otherwise").isEmpty();
    }

    /** The frames where it was thrown, up to the first of the hub's own. */
    private static String where(Throwable e) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : e.getStackTrace()) {
            frames.add(frame.toString());
            if (frame.getClassName().startsWith("cn.canbao.hub") || frames.size() == 12) {
                break;
            }
        }
        return String.join(" < ", frames);
    }

    private void read(MalformedFile file) throws Exception {
        Connector connector = catalog.get(file.source().system());
        try (RecordReader reader = RecordReader.open(connector.descriptor().format(),
                new ByteArrayInputStream(file.data()))) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                if (record.parsed()) {
                    connector.mapper().map(record.fields(), RecordContext.ofFileRecord("fuzz:" + record.number(),
                            SourceReference.ofFile(file.fileName(), record.number()), OffsetDateTime.now(),
                            Operation.UPDATE));
                }
            }
        }
    }
}
