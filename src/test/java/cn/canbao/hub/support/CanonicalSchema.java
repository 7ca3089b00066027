package cn.canbao.hub.support;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;

/** The published JSON Schema of the canonical message, with format assertions (dates, date-times) switched on. */
public final class CanonicalSchema {

    public static final String RESOURCE = "/schema/person-insurance-v1.json";
    public static final JsonSchema SCHEMA = load();

    private CanonicalSchema() {
    }

    private static JsonSchema load() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = CanonicalSchema.class.getResourceAsStream(RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
