package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;
import java.io.IOException;
import java.io.InputStream;

/** A format of one record per line without a header: the lines, their decoder, and the first line read at open. */
abstract class LineRecordReader extends StreamingRecordReader {

    protected final FormatSpec spec;
    protected final TextDecoder decoder;
    private final PhysicalLineReader lines;
    private PhysicalLine first;

    protected LineRecordReader(FormatSpec spec, InputStream in) throws IOException {
        this.spec = spec;
        this.decoder = new TextDecoder(spec.charset());
        this.lines = new PhysicalLineReader(Utf8Bom.skipped(in, spec.charset()), spec.maxRecordBytes());
    }

    /** Reads up to the first record, so that a file without any is refused when it is opened. */
    protected final RecordReader started() throws IOException, FileFormatException {
        first = nextLine();
        if (first == null) {
            close();
            throw new FileFormatException(ErrorCode.FILE_EMPTY, "the file holds no records");
        }
        return this;
    }

    @Override
    protected final RawRecord readRecord(long number) throws IOException {
        PhysicalLine line = first != null ? first : nextLine();
        first = null;
        return line == null ? null : record(number, line);
    }

    protected abstract RawRecord record(long number, PhysicalLine line);

    /** Lines that hold nothing are no records. */
    protected boolean skipped(PhysicalLine line) {
        return line.blank();
    }

    private PhysicalLine nextLine() throws IOException {
        PhysicalLine line;
        do {
            line = lines.next();
        } while (line != null && skipped(line));
        return line;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
