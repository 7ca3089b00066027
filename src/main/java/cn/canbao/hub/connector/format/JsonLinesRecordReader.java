package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Lines (INJURY): one object per line, values as their text; a line that is no JSON object is rejected alone. */
final class JsonLinesRecordReader extends LineRecordReader {

    /** Strict about what follows the object: a line holding two objects, or an object and garbage, is no record. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonLinesRecordReader(FormatSpec spec, InputStream in) throws IOException {
        super(spec, in);
    }

    static RecordReader open(FormatSpec spec, InputStream in) throws IOException, FileFormatException {
        return new JsonLinesRecordReader(spec, in).started();
    }

    @Override
    protected RawRecord record(long number, PhysicalLine line) {
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
}
