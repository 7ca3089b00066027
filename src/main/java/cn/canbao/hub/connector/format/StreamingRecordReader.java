package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;

import java.io.IOException;
import java.util.Map;

/** Counts records, runs the end-of-file checks once and remembers a file-level failure so it is not lost. */
abstract class StreamingRecordReader implements RecordReader {

    private long recordsRead;
    private boolean ended;
    private FileFormatException failure;

    @Override
    public final RawRecord next() throws IOException, FileFormatException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return null;
        }
        try {
            RawRecord record = readRecord(recordsRead + 1);
            if (record != null) {
                recordsRead++;
                return record;
            }
            ended = true;
            verifyEnd(recordsRead);
            return null;
        } catch (FileFormatException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public final long recordsRead() {
        return recordsRead;
    }

    @Override
    public Map<String, String> fileAttributes() {
        return Map.of();
    }

    /** Reads the record with the given number, or returns null at the end of the data. */
    protected abstract RawRecord readRecord(long number) throws IOException, FileFormatException;

    /** Checks the file as a whole once every record has been read. */
    protected void verifyEnd(long recordsRead) throws FileFormatException {
    }

    static void verifyCount(long declared, long found, String declaredBy) throws FileFormatException {
        if (declared != found) {
            throw new FileFormatException(ErrorCode.FILE_COUNT,
                    declaredBy + " says " + declared + " records, the file holds " + found);
        }
    }
}
