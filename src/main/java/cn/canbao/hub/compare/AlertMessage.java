package cn.canbao.hub.compare;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Turns one outbox row (as the alert-outbox route reads it) into the JMS message of spec §7.2: the alert JSON as
 * the body, the queue to send to, and Artemis' duplicate-detection id set to the alert id, so that a row sent
 * again after a crash between the send and its {@code sent_at} update is dropped by the broker.
 */
@Component("alertMessage")
public class AlertMessage {

    /** Artemis' duplicate-detection header (org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID). */
    static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";

    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<?, ?> row = message.getBody(Map.class);
        message.setHeader("alertOutboxId", row.get("id"));
        message.setHeader("alertQueue", row.get("queue"));
        message.setHeader("alertType", row.get("type"));
        message.setHeader(DUPLICATE_DETECTION_ID, row.get("alert_id").toString());
        message.setBody(row.get("payload").toString());
    }
}
