package cn.canbao.hub.connector.format;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code format:} section of a connector descriptor: how the records of a data file are laid out.
 * Optional keys may be left out; the compact constructor fills in the defaults and refuses a section that cannot
 * work, naming the key.
 *
 * @param kind            the layout; required
 * @param encoding        {@code UTF-8} (default) or {@code GBK}; GBK is decoded as GB18030, strictly
 * @param bom             the sender writes a UTF-8 byte order mark; readers skip one whether or not it is declared
 * @param delimiter       one character, {@code ,} by default
 * @param quoting         RFC 4180 double quotes; default true for CSV, false otherwise
 * @param columns         the header names the hub reads, in the spec's order; empty means every column of the file
 * @param requiredColumns header names that must be present; default all {@code columns}
 * @param trailer         the last line carrying the record count (CSV and DELIMITED only)
 * @param fields          FIXED_WIDTH fields; required for that kind
 * @param recordBytes     FIXED_WIDTH record length in bytes, line terminator excluded; default the end of the last
 *                        field
 * @param rootElement     XML root element name; any root is accepted when absent
 * @param recordElement   XML element holding one record, a child of the root; required for XML
 * @param countAttribute  XML root attribute holding the record count; when set it must be present and match
 * @param maxRecordBytes  longest record accepted, 1 MiB by default; a longer one is rejected and read past. For XML
 *                        it counts the characters of a record's text and attribute values
 */
public record FormatSpec(
        FormatKind kind,
        String encoding,
        Boolean bom,
        String delimiter,
        Boolean quoting,
        List<String> columns,
        List<String> requiredColumns,
        TrailerSpec trailer,
        List<FixedField> fields,
        int recordBytes,
        String rootElement,
        String recordElement,
        String countAttribute,
        Integer maxRecordBytes) {

    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    public FormatSpec {
        require(kind != null, "format.kind is required: CSV, DELIMITED, FIXED_WIDTH, XML or JSON_LINES");
        encoding = encoding == null ? "UTF-8" : encoding;
        charsetOf(encoding);
        bom = Boolean.TRUE.equals(bom);
        delimiter = delimiter == null ? "," : delimiter;
        require(delimiter.length() == 1, "format.delimiter must be one character, was '" + delimiter + "'");
        quoting = quoting == null ? kind == FormatKind.CSV : quoting;
        columns = columns == null ? List.of() : List.copyOf(columns);
        requiredColumns = requiredColumns == null ? columns : List.copyOf(requiredColumns);
        require(columns.isEmpty() || columns.containsAll(requiredColumns),
                "format.requiredColumns must be listed in format.columns");
        require(trailer == null || kind == FormatKind.CSV || kind == FormatKind.DELIMITED,
                "format.trailer applies to CSV and DELIMITED only");
        fields = fields == null ? List.of() : List.copyOf(fields);
        if (kind == FormatKind.FIXED_WIDTH) {
            require(!fields.isEmpty(), "format.fields is required for FIXED_WIDTH");
            recordBytes = recordBytes == 0 ? lastByte(fields) : recordBytes;
            requireFieldsFit(fields, recordBytes);
        }
        require(kind != FormatKind.XML || (recordElement != null && !recordElement.isBlank()),
                "format.recordElement is required for XML");
        maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
        require(maxRecordBytes > 0, "format.maxRecordBytes must be positive");
    }

    /** The charset that decodes the file: GB18030 where the spec says GBK, so 4-byte rare characters survive. */
    @JsonIgnore
    public Charset charset() {
        return charsetOf(encoding);
    }

    @JsonIgnore
    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    private static Charset charsetOf(String encoding) {
        return switch (encoding.toUpperCase(Locale.ROOT)) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "GBK", "GB18030" -> Charset.forName("GB18030");
            default -> throw new IllegalArgumentException("format.encoding must be UTF-8 or GBK, was '" + encoding + "'");
        };
    }

    private static int lastByte(List<FixedField> fields) {
        return fields.stream().mapToInt(FixedField::end).max().orElseThrow();
    }

    private static void requireFieldsFit(List<FixedField> fields, int recordBytes) {
        require(fields.stream().map(FixedField::name).distinct().count() == fields.size(),
                "format.fields names must be unique");
        FixedField previous = null;
        for (FixedField field : fields.stream().sorted(Comparator.comparingInt(FixedField::start)).toList()) {
            require(field.end() <= recordBytes, "format.fields[" + field.name() + "] ends at byte " + field.end()
                    + ", beyond format.recordBytes " + recordBytes);
            if (previous != null) {
                require(previous.end() < field.start(),
                        "format.fields[" + field.name() + "] overlaps format.fields[" + previous.name() + "]");
            }
            previous = field;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
