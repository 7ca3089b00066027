package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180, via commons-csv) and plain delimited files (PENSION: {@code |}, no quoting, a trailer line).
 * The header is required and columns are found by name, so reordered and extra columns are fine. Records are
 * read line by line from bytes — a quoted field may span lines — and parsed one at a time, so a record with
 * bad quoting or bytes invalid in the encoding is rejected alone and reading goes on with the next line.
 */
final class DelimitedRecordReader extends StreamingRecordReader {

    /** How many further lines a quoted field may span before the record is taken for badly quoted. */
    private static final int MAX_CONTINUATION_LINES = 10;

    private final FormatSpec spec;
    private final PhysicalLineReader lines;
    private final TextDecoder decoder;
    private final CSVFormat csv;
    private final Pattern splitter;
    private final List<String> header;
    private final Deque<PhysicalLine> pushedBack = new ArrayDeque<>();
    private final String trailerStart;
    private Long trailerCount;

    private DelimitedRecordReader(FormatSpec spec, PhysicalLineReader lines, TextDecoder decoder, List<String> header) {
        this.spec = spec;
        this.lines = lines;
        this.decoder = decoder;
        this.csv = format(spec);
        this.splitter = splitter(spec);
        this.header = header;
        this.trailerStart = spec.trailer() == null ? null : spec.trailer().prefix() + spec.delimiter();
    }

    static RecordReader open(FormatSpec spec, InputStream in) throws IOException, FileFormatException {
        PhysicalLineReader lines = new PhysicalLineReader(Utf8Bom.skipped(in, spec.charset()), spec.maxRecordBytes());
        TextDecoder decoder = new TextDecoder(spec.charset());
        PhysicalLine first = nextNonBlank(lines);
        if (first == null) {
            throw new FileFormatException(ErrorCode.FILE_EMPTY, "the file holds no data, not even a header");
        }
        DecodedText text = decoder.decode(first.bytes());
        if (first.overlong() || !text.decoded()) {
            throw new FileFormatException(ErrorCode.FILE_FORMAT, "the header line cannot be read"
                    + (text.decoded() ? ": it is too long" : ": " + text.problem()));
        }
        List<String> header = headerNames(spec, text.text());
        return new DelimitedRecordReader(spec, lines, decoder, header);
    }

    private static List<String> headerNames(FormatSpec spec, String line) throws FileFormatException {
        List<String> names = new ArrayList<>();
        for (String cell : cells(format(spec), splitter(spec), spec.quoting(), line)) {
            names.add(cell.strip().replace("\uFEFF", ""));
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new FileFormatException(ErrorCode.FILE_FORMAT, "the header names a column twice: " + names);
        }
        List<String> missing = spec.requiredColumns().stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new FileFormatException(ErrorCode.FILE_FORMAT, "the header lacks the required column(s) " + missing
                    + "; expected " + String.join(spec.delimiter(), spec.columns()) + ", found " + String.join(spec.delimiter(), names));
        }
        return names;
    }

    @Override
    protected RawRecord readRecord(long number) throws IOException, FileFormatException {
        PhysicalLine line = nextLine();
        if (line == null) {
            return null;
        }
        if (trailerCount != null) {
            throw new FileFormatException(ErrorCode.FILE_FORMAT, "line " + line.number()
                    + " follows the trailer; the trailer must be the last line");
        }
        if (line.overlong()) {
            return RawRecord.withError(number, decoder.escaped(line.bytes(), 0, line.bytes().length),
                    RecordError.ofRecord(ErrorCode.RECORD_SYNTAX, "line " + line.number() + " is " + line.length()
                            + " bytes long, at most " + spec.maxRecordBytes() + " are accepted"));
        }
        DecodedText text = decoder.decode(line.bytes());
        if (!text.decoded()) {
            return RawRecord.withError(number, text.raw(), RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                    "line " + line.number() + ": " + text.problem()));
        }
        if (trailerStart != null && text.text().startsWith(trailerStart)) {
            trailerCount = trailerCount(text.text(), line.number());
            return readRecord(number);
        }
        String record = text.text();
        if (spec.quoting() && !quotesBalanced(record)) {
            record = joinContinuation(line, record);
            if (record == null) {
                return RawRecord.withError(number, text.text(), RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                        "line " + line.number() + " opens a quoted field that is never closed"));
            }
        }
        return parsed(number, line.number(), record);
    }

    private RawRecord parsed(long number, long lineNumber, String record) {
        List<String> cells;
        try {
            cells = cells(csv, splitter, spec.quoting(), record);
        } catch (FileFormatException e) {
            return RawRecord.withError(number, record, RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                    "line " + lineNumber + ": " + e.getMessage()));
        }
        if (cells.size() != header.size()) {
            return RawRecord.withError(number, record, RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                    "line " + lineNumber + " has " + cells.size() + " fields, the header " + header.size()));
        }
        Map<String, String> fields = new LinkedHashMap<>(header.size() * 2);
        for (int i = 0; i < cells.size(); i++) {
            fields.put(header.get(i), cells.get(i));
        }
        return RawRecord.withFields(number, fields, record);
    }

    /** Joins the lines a quoted field spans; null, with those lines given back, when the quote never closes. */
    private String joinContinuation(PhysicalLine first, String firstText) throws IOException {
        List<PhysicalLine> taken = new ArrayList<>();
        StringBuilder record = new StringBuilder(firstText);
        long bytes = first.length();
        while (taken.size() < MAX_CONTINUATION_LINES) {
            PhysicalLine next = nextRawLine();
            if (next == null) {
                break;
            }
            taken.add(next);
            DecodedText text = decoder.decode(next.bytes());
            bytes += next.length();
            if (next.overlong() || !text.decoded() || bytes > spec.maxRecordBytes()) {
                break;
            }
            record.append('\n').append(text.text());
            if (quotesBalanced(record)) {
                return record.toString();
            }
        }
        for (int i = taken.size() - 1; i >= 0; i--) {
            pushedBack.push(taken.get(i));
        }
        return null;
    }

    private long trailerCount(String text, long lineNumber) throws FileFormatException {
        String count = text.substring(trailerStart.length()).strip();
        if (!count.matches("\\d{1,12}")) {
            throw new FileFormatException(ErrorCode.FILE_FORMAT, "the trailer on line " + lineNumber + " must be "
                    + trailerStart + "{record count}, found '" + text + "'");
        }
        return Long.parseLong(count);
    }

    @Override
    protected void verifyEnd(long recordsRead) throws FileFormatException {
        if (trailerStart == null) {
            return;
        }
        if (trailerCount == null) {
            throw new FileFormatException(ErrorCode.FILE_FORMAT, "the trailer line " + trailerStart
                    + "{record count} is missing");
        }
        verifyCount(trailerCount, recordsRead, "the trailer");
    }

    private PhysicalLine nextLine() throws IOException {
        PhysicalLine line;
        do {
            line = nextRawLine();
        } while (line != null && line.blank());
        return line;
    }

    private PhysicalLine nextRawLine() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.pop();
    }

    private static PhysicalLine nextNonBlank(PhysicalLineReader lines) throws IOException {
        PhysicalLine line;
        do {
            line = lines.next();
        } while (line != null && line.blank());
        return line;
    }

    private static boolean quotesBalanced(CharSequence text) {
        int quotes = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 0;
    }

    /** The cells of one record: split plainly when nothing is quoted, else parsed by commons-csv. */
    private static List<String> cells(CSVFormat csv, Pattern splitter, boolean quoting, String record)
            throws FileFormatException {
        if (!quoting || record.indexOf('"') < 0) {
            return List.of(splitter.split(record, -1));
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(record), csv)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new FileFormatException(ErrorCode.RECORD_SYNTAX, "not one CSV record");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new FileFormatException(ErrorCode.RECORD_SYNTAX, "bad quoting (RFC 4180): " + e.getMessage());
        }
    }

    private static Pattern splitter(FormatSpec spec) {
        return Pattern.compile(Pattern.quote(spec.delimiter()));
    }

    private static CSVFormat format(FormatSpec spec) {
        return CSVFormat.RFC4180.builder().setDelimiter(spec.delimiterChar()).setRecordSeparator("\n").get();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
