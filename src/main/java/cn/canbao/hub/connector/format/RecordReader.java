package cn.canbao.hub.connector.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Streams the records of one data file without holding the file in memory. A bad record comes back as a
 * {@link RawRecord} with an error and reading goes on; a bad file throws {@link FileFormatException}.
 * The reader owns the stream it was opened on and closes it.
 */
public interface RecordReader extends AutoCloseable {

    /**
     * Opens a reader and reads what precedes the first record (header row, XML root element), so a file without
     * one is refused here.
     *
     * @throws FileFormatException {@code FILE_EMPTY} for a file without any data, {@code FILE_FORMAT} for a missing
     *                             header, a missing required column, a forbidden DTD or a wrong root element
     */
    static RecordReader open(FormatSpec spec, InputStream in) throws IOException, FileFormatException {
        try {
            return switch (spec.kind()) {
                case CSV, DELIMITED -> DelimitedRecordReader.open(spec, in);
                case FIXED_WIDTH -> FixedWidthRecordReader.open(spec, in);
                case XML -> XmlRecordReader.open(spec, in);
                case JSON_LINES -> JsonLinesRecordReader.open(spec, in);
            };
        } catch (IOException | FileFormatException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The next record, or null after the last one.
     *
     * @throws FileFormatException {@code FILE_COUNT} at the end of the file when the trailer or count attribute
     *                             disagrees with the records read, {@code FILE_FORMAT} for a missing trailer or
     *                             malformed XML; thrown again on every later call
     */
    RawRecord next() throws IOException, FileFormatException;

    /** The XML root element's attributes by name; empty for the other formats. */
    Map<String, String> fileAttributes();

    /** Data records returned so far, rejected ones included. */
    long recordsRead();

    @Override
    void close() throws IOException;
}
