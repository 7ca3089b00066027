package cn.canbao.hub.national;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.NationalEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns one national outbox row (as the national-outbox route reads it) into the JMS message of spec §5: the
 * envelope from the province to the national system around the row's body, stamped when it leaves; Artemis'
 * duplicate-detection id from the row, so that a row sent again after a crash between the send and its
 * {@code sent_at} is dropped by the broker. The JMS properties {@code messageType} and {@code messageId} repeat the
 * header's, for a consumer's selector.
 */
@Component("nationalMessage")
public class NationalMessage {

    /** Artemis' duplicate-detection header (org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID). */
    static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";

    private final String provinceCode;
    private final Clock clock;

    public NationalMessage(@Value("${canbao.province-code}") String provinceCode,
                           @Value("${canbao.time-zone}") String timeZone) {
        this.provinceCode = provinceCode;
        this.clock = Clock.system(ZoneId.of(timeZone));
    }

    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<?, ?> row = message.getBody(Map.class);
        String messageId = row.get("message_id").toString();
        String messageType = row.get("message_type").toString();
        message.setHeader("nationalOutboxId", row.get("id"));
        message.setHeader("messageType", messageType);
        message.setHeader("messageId", messageId);
        message.setHeader(DUPLICATE_DETECTION_ID, row.get("duplicate_id").toString());
        NationalEnvelope envelope = new NationalEnvelope(
                new NationalEnvelope.Header(messageId, messageType, provinceCode, NationalEnvelope.NATIONAL_SYSTEM,
                        OffsetDateTime.now(clock), null),
                // the body is JSON the outbox already holds: written as it is, not parsed again
                JsonNodeFactory.instance.rawValueNode(new RawValue(row.get("body").toString())));
        message.setBody(write(envelope));
    }

    static String write(NationalEnvelope envelope) {
        try {
            return CanonicalJson.mapper().writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a national envelope", e);
        }
    }
}
