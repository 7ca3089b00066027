package cn.canbao.hub.connector.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data record as the file holds it, before any mapping.
 *
 * @param number 1-based data-record number in the file; headers and trailers are not counted
 * @param fields field name to text, in the format's field order; empty when {@code error} is set
 * @param raw    the record's source text for quarantine. Where the bytes are not valid in the file's encoding it
 *               is an escaped, lossless form: each invalid byte is written {@code \xNN} and a literal backslash
 *               {@code \\}; an over-long record keeps only its beginning
 * @param error  null when the record was read, else why it was not
 */
public record RawRecord(long number, Map<String, String> fields, String raw, RecordError error) {

    public RawRecord {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** True when the record was read; its fields are then complete. */
    public boolean parsed() {
        return error == null;
    }

    static RawRecord withFields(long number, Map<String, String> fields, String raw) {
        return new RawRecord(number, fields, raw, null);
    }

    static RawRecord withError(long number, String raw, RecordError error) {
        return new RawRecord(number, Map.of(), raw, error);
    }
}
