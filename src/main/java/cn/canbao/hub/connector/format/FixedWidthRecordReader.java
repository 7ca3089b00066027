package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed-width records measured in bytes (UNEMPLOYMENT): a line of the wrong byte length is rejected with
 * RECORD_LENGTH; each field is decoded from its own bytes and stripped of padding. A name the sender cut in
 * the middle of a multi-byte character is repaired by dropping the character's dangling bytes.
 */
final class FixedWidthRecordReader extends StreamingRecordReader {

    private final FormatSpec spec;
    private final PhysicalLineReader lines;
    private final TextDecoder decoder;
    private PhysicalLine first;

    private FixedWidthRecordReader(FormatSpec spec, PhysicalLineReader lines) {
        this.spec = spec;
        this.lines = lines;
        this.decoder = new TextDecoder(spec.charset());
    }

    static RecordReader open(FormatSpec spec, InputStream in) throws IOException, FileFormatException {
        FixedWidthRecordReader reader = new FixedWidthRecordReader(spec,
                new PhysicalLineReader(Utf8Bom.skipped(in, spec.charset()), spec.maxRecordBytes()));
        reader.first = reader.nextLine();
        if (reader.first == null) {
            reader.close();
            throw new FileFormatException(ErrorCode.FILE_EMPTY, "the file holds no records");
        }
        return reader;
    }

    @Override
    protected RawRecord readRecord(long number) throws IOException {
        PhysicalLine line = first != null ? first : nextLine();
        first = null;
        if (line == null) {
            return null;
        }
        byte[] bytes = line.bytes();
        if (line.length() != spec.recordBytes()) {
            return RawRecord.withError(number, decoder.escaped(bytes, 0, bytes.length),
                    RecordError.ofRecord(ErrorCode.RECORD_LENGTH, "line " + line.number() + " is " + line.length()
                            + " bytes long; every record is " + spec.recordBytes() + " bytes"));
        }
        Map<String, String> fields = new LinkedHashMap<>(spec.fields().size() * 2);
        for (FixedField field : spec.fields()) {
            String value = decoder.decodeCutField(bytes, field.start() - 1, field.length());
            if (value == null) {
                DecodedText whole = decoder.decode(bytes);
                return RawRecord.withError(number, whole.raw(), new RecordError(ErrorCode.RECORD_SYNTAX, field.name(),
                        "line " + line.number() + ", bytes " + field.start() + "–" + field.end() + " (" + field.name()
                                + "): bytes invalid in " + decoder.displayName()));
            }
            fields.put(field.name(), value.strip());
        }
        return RawRecord.withFields(number, fields, decoder.escaped(bytes, 0, bytes.length));
    }

    private PhysicalLine nextLine() throws IOException {
        PhysicalLine line;
        do {
            line = lines.next();
        } while (line != null && line.length() == 0);
        return line;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
