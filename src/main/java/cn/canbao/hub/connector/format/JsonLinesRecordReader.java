package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Lines (INJURY): one object per line, values as their text; a line that is no JSON object is rejected alone. */
final class JsonLinesRecordReader extends StreamingRecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormatSpec spec;
    private final PhysicalLineReader lines;
    private final TextDecoder decoder;
    private PhysicalLine first;

    private JsonLinesRecordReader(FormatSpec spec, PhysicalLineReader lines) {
        this.spec = spec;
        this.lines = lines;
        this.decoder = new TextDecoder(spec.charset());
    }

    static RecordReader open(FormatSpec spec, InputStream in) throws IOException, FileFormatException {
        JsonLinesRecordReader reader = new JsonLinesRecordReader(spec,
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
        DecodedText text = decoder.decode(line.bytes());
        if (line.overlong()) {
            return RawRecord.withError(number, text.raw(), RecordError.ofRecord(ErrorCode.RECORD_SYNTAX, "line "
                    + line.number() + " is " + line.length() + " bytes long, at most " + spec.maxRecordBytes()
                    + " are accepted"));
        }
        if (!text.decoded()) {
            return RawRecord.withError(number, text.raw(), RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                    "line " + line.number() + ": " + text.problem()));
        }
        JsonNode node;
        try {
            node = JSON.readTree(text.text());
        } catch (JsonProcessingException e) {
            return RawRecord.withError(number, text.text(), RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                    "line " + line.number() + " is not valid JSON: " + e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return RawRecord.withError(number, text.text(), RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                    "line " + line.number() + " is not a JSON object"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                fields.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return RawRecord.withFields(number, fields, text.text());
    }

    private PhysicalLine nextLine() throws IOException {
        PhysicalLine line;
        do {
            line = lines.next();
        } while (line != null && line.blank());
        return line;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
