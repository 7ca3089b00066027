package cn.canbao.hub.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The envelope of every message between the hub and the national registration system (spec §5), in both
 * directions; its JSON Schema is {@code schema/national-envelope-v1.json}. The body depends on the message type:
 * {@code records} of a PERSON_INCREMENT (canonical person-insurance messages), {@code idNumbers} of a
 * COMPARE_REQUEST, {@code results} of a COMPARE_RESULT.
 */
public record NationalEnvelope(Header header, JsonNode body) {

    public static final String PERSON_INCREMENT = "PERSON_INCREMENT";
    public static final String COMPARE_REQUEST = "COMPARE_REQUEST";
    public static final String COMPARE_RESULT = "COMPARE_RESULT";
    /** The national system's code as a sender and receiver. */
    public static final String NATIONAL_SYSTEM = "000000";

    /**
     * @param correlationId the messageId of the request a COMPARE_RESULT answers; null otherwise (written as null,
     *                      not left out, as the specification shows it)
     */
    public record Header(String messageId, String messageType, String sender, String receiver,
                         OffsetDateTime sentAt,
                         @JsonInclude(JsonInclude.Include.ALWAYS) String correlationId) {
    }
}
