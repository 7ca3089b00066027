package cn.canbao.hub.registry;

import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.standard.StorableText;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one event's outcome — its source record or its quarantine entry — together with the event's
 * receipt in one transaction, keyed by eventId, so an event takes effect once however often it is delivered. An
 * answer of HUB_FAULT is the one answer that is not final: the same eventId sent again (after the hub is corrected)
 * is taken in anew and replaces it.
 */
@Component
public class EventWriter {

    private static final String HUB_FAULT = "{\"errors\": [{\"code\": \"HUB_FAULT\"}]}";

    /** How an eventId was answered before: the receipt, and whether it said HUB_FAULT. */
    public record Answered(String receipt, boolean hubFault) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public EventWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The receipt an eventId was answered with, if it was processed before. */
    public Optional<Answered> answerOf(String eventId) {
        return jdbc.query("SELECT receipt::text, receipt @> CAST(? AS JSONB) FROM intake_event WHERE event_id = ?",
                (rs, n) -> new Answered(rs.getString(1), rs.getBoolean(2)), HUB_FAULT, eventId).stream().findFirst();
    }

    /** Stores an accepted event; false if the eventId was stored meanwhile by a concurrent delivery. */
    public boolean accept(String system, String eventId, String idNumber, String sourceKey,
                          PersonInsuranceMessage message, OffsetDateTime receivedAt, String receiptJson) {
        return once(() -> {
            log(system, eventId, "ACCEPTED", receivedAt, receiptJson);
            jdbc.update("DELETE FROM quarantine WHERE intake_key = ?", "event:" + eventId);
            jdbc.update("INSERT INTO source_record (system, id_number, source_key, operation, intake_key, received_at, "
                            + "payload) VALUES (?, ?, ?, 'EVENT', ?, ?, CAST(? AS JSON))",
                    system, idNumber, sourceKey, "event:" + eventId, Timestamp.from(receivedAt.toInstant()),
                    StoredPayload.json(message));
        });
    }

    /** Keeps a rejected event's raw text and reasons; an event without a usable eventId is keyed by its hash. */
    public boolean reject(String system, String eventId, String quarantineKey, String raw, String errorsJson,
                          OffsetDateTime receivedAt, String receiptJson) {
        return once(() -> {
            if (eventId != null) {
                log(system, eventId, "REJECTED", receivedAt, receiptJson);
                jdbc.update("DELETE FROM quarantine WHERE intake_key = ?", quarantineKey);
            }
            jdbc.update("INSERT INTO quarantine (system, intake_key, source_ref, raw, errors, received_at) "
                            + "VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?) ON CONFLICT (intake_key) DO NOTHING",
                    system, quarantineKey, eventId == null ? "event without eventId" : "event " + eventId,
                    StorableText.withoutNul(raw), errorsJson, Timestamp.from(receivedAt.toInstant()));
        });
    }

    /** Logs the event's answer, replacing an earlier HUB_FAULT; a duplicate key for any other earlier answer. */
    private void log(String system, String eventId, String status, OffsetDateTime receivedAt, String receiptJson) {
        int logged = jdbc.update("INSERT INTO intake_event (event_id, system, status, received_at, receipt) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS JSONB)) ON CONFLICT (event_id) DO UPDATE "
                        + "SET system = EXCLUDED.system, status = EXCLUDED.status, received_at = EXCLUDED.received_at, "
                        + "receipt = EXCLUDED.receipt WHERE intake_event.receipt @> CAST(? AS JSONB)",
                eventId, system, status, Timestamp.from(receivedAt.toInstant()), receiptJson, HUB_FAULT);
        if (logged == 0) {
            throw new DuplicateKeyException("event " + eventId + " was answered before");
        }
    }

    private boolean once(Runnable writes) {
        try {
            transaction.executeWithoutResult(status -> writes.run());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
