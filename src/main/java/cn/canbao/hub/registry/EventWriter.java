package cn.canbao.hub.registry;

import cn.canbao.hub.model.PersonInsuranceMessage;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one event's outcome — its source record or its quarantine entry — together with the event's
 * receipt in one transaction, keyed by eventId, so an event takes effect once however often it is delivered. An
 * answer of HUB_FAULT is the one answer that is not final: the same eventId sent again (after the hub is corrected)
 * is taken in anew and replaces it (sql/registry/intake/event-*.sql).
 */
@Component
public class EventWriter {

    private static final String HUB_FAULT = "{\"errors\": [{\"code\": \"HUB_FAULT\"}]}";
    private static final String ANSWER = SqlStatements.named("registry/intake/event-answer");
    private static final String RECORD = SqlStatements.named("registry/intake/event-record");
    private static final String LOG = SqlStatements.named("registry/intake/event-log");

    private final NamedParameterJdbcTemplate jdbc;
    private final Quarantine quarantine;
    private final TransactionTemplate transaction;

    public EventWriter(DataSource dataSource, Quarantine quarantine) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.quarantine = quarantine;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * The receipt an eventId was answered with, if that answer was given to the JMS message {@code messageId} (or,
     * where the broker marks the delivery as a redelivery, to any message): the same message back after a crash.
     */
    public Optional<String> answerTo(String eventId, String messageId, boolean redelivered) {
        return jdbc.queryForList(ANSWER, new MapSqlParameterSource("eventId", eventId).addValue("messageId", messageId)
                .addValue("redelivered", redelivered), String.class).stream().findFirst();
    }

    /** Stores an accepted event; false if its eventId was answered before (other than HUB_FAULT) or meanwhile. */
    public boolean accept(String system, String eventId, String messageId, String idNumber, String sourceKey,
                          PersonInsuranceMessage message, OffsetDateTime receivedAt, String receiptJson) {
        return once(() -> {
            log(system, eventId, messageId, "ACCEPTED", receivedAt, receiptJson);
            quarantine.release("event:" + eventId);
            jdbc.update(RECORD, new MapSqlParameterSource("system", system).addValue("idNumber", idNumber)
                    .addValue("sourceKey", sourceKey).addValue("intakeKey", "event:" + eventId)
                    .addValue("receivedAt", Timestamp.from(receivedAt.toInstant()))
                    .addValue("occurredAt", message.envelope().occurredAt())
                    .addValue("payload", StoredPayload.json(message)));
        });
    }

    /** Keeps a rejected event's raw text and reasons; an event without a usable eventId is keyed by its hash. */
    public boolean reject(String system, String eventId, String messageId, String quarantineKey, String raw,
                          String errorsJson, OffsetDateTime receivedAt, String receiptJson) {
        return once(() -> {
            if (eventId != null) {
                log(system, eventId, messageId, "REJECTED", receivedAt, receiptJson);
                quarantine.release(quarantineKey);
            }
            quarantine.keep(Quarantine.Entry.single(system, quarantineKey,
                    eventId == null ? "event without eventId" : "event " + eventId, raw, errorsJson, receivedAt),
                    Quarantine.Earlier.KEPT);
        });
    }

    /** Logs the event's answer, replacing an earlier HUB_FAULT; a duplicate key for any other earlier answer. */
    private void log(String system, String eventId, String messageId, String status, OffsetDateTime receivedAt,
                     String receiptJson) {
        int logged = jdbc.update(LOG, new MapSqlParameterSource("eventId", eventId).addValue("system", system)
                .addValue("messageId", messageId)
                .addValue("status", status).addValue("receivedAt", Timestamp.from(receivedAt.toInstant()))
                .addValue("receipt", receiptJson).addValue("hubFault", HUB_FAULT));
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
