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
final class FixedWidthRecordReader extends LineRecordReader {

    private FixedWidthRecordReader(FormatSpec spec, InputStream in) throws IOException {
        super(spec, in);
    }

    static RecordReader open(FormatSpec spec, InputStream in) throws IOException, FileFormatException {
        return new FixedWidthRecordReader(spec, in).started();
    }

    /** Only an empty line is no record here: a line of spaces is a record of the wrong length. */
    @Override
    protected boolean skipped(PhysicalLine line) {
        return line.length() == 0;
    }

    @Override
    protected RawRecord record(long number, PhysicalLine line) {
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
}
