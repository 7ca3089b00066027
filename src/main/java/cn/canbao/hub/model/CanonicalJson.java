package cn.canbao.hub.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The canonical JSON form of {@link PersonInsuranceMessage} (schema/person-insurance-v1.json): ISO dates
 * ({@code 2017-10-15}), months ({@code 2017-09}), timestamps with their offset ({@code 2017-10-15T08:00:03+08:00}),
 * absent values omitted. Unknown properties are ignored on reading, because a later v1 may add optional fields.
 * A NUL character (U+0000) inside a string is written as six visible characters, backslash-u-0000, as the hub
 * keeps it in text columns: whatever this mapper writes can be stored in a {@code jsonb} column, which refuses the
 * JSON escape of U+0000, and a receipt quoting a partner's bytes is stored as it was sent.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .characterEscapes(new NulAsText()).build())
            .addModule(new JavaTimeModule())
            .addModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Snapshots of the configuration, so a caller reconfiguring the shared mapper cannot change the canonical form. */
    private static final ObjectWriter WRITER = MAPPER.writerFor(PersonInsuranceMessage.class);
    private static final ObjectReader READER = MAPPER.readerFor(PersonInsuranceMessage.class);

    private CanonicalJson() {
    }

    public static String write(PersonInsuranceMessage message) {
        try {
            return WRITER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a canonical message", e);
        }
    }

    /** The canonical JSON as UTF-8 bytes, as it is stored. */
    public static byte[] writeBytes(PersonInsuranceMessage message) {
        try {
            return WRITER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a canonical message", e);
        }
    }

    /** @throws UncheckedIOException for text that is not JSON of a canonical message */
    public static PersonInsuranceMessage read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a canonical person-insurance message: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The shared mapper of the canonical form, for documents that embed canonical messages (national envelopes,
     * receipts). Use it as it is; {@code mapper().copy()} gives one to reconfigure.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final class NulAsText extends CharacterEscapes {

        private static final SerializedString ESCAPED = new SerializedString("\\\\u0000");
        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        NulAsText() {
            asciiEscapes[0] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0 ? ESCAPED : null;
        }
    }
}
