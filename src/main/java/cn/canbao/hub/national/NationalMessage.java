package cn.canbao.hub.national;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.NationalEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns one national outbox row (as {@link NationalOutbox} reads it) into the JMS message of spec §5: the envelope
 * from the province to the national system around the row's body, stamped when it leaves; Artemis'
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

    /** The message of the outbox row (id, message_id, duplicate_id, message_type, body) in the session. */
    TextMessage of(Session session, ResultSet row) throws SQLException, JMSException {
        String messageId = row.getString("message_id");
        String messageType = row.getString("message_type");
        NationalEnvelope.Header header = new NationalEnvelope.Header(messageId, messageType, provinceCode,
                NationalEnvelope.NATIONAL_SYSTEM, OffsetDateTime.now(clock), null);
        // NationalEnvelope's JSON, {"header":…,"body":…}, around the body the outbox holds as it is: not parsed again,
        // and copied once (an increment's body has a million characters)
        TextMessage message = session.createTextMessage(
                "{\"header\":" + write(header) + ",\"body\":" + row.getString("body") + "}");
        message.setStringProperty("messageType", messageType);
        message.setStringProperty("messageId", messageId);
        message.setStringProperty(DUPLICATE_DETECTION_ID, row.getString("duplicate_id"));
        return message;
    }

    private static String write(NationalEnvelope.Header header) {
        try {
            return CanonicalJson.mapper().writeValueAsString(header);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a national envelope", e);
        }
    }
}
