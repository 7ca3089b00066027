package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.connector.TransportSpec;
import cn.canbao.hub.exchange.ExchangeServerClient;
import cn.canbao.hub.exchange.ExchangeServerClient.ExchangeSession;
import cn.canbao.hub.exchange.Queues;
import cn.canbao.hub.registry.SqlStatements;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * What an operator does once the hub is corrected: takes a delivery in again that was answered with an error —
 * a data file back from {@code in/.error/} into {@code in/}, a front-database row back to {@code sync_status 0},
 * an event answered HUB_FAULT back onto its queue (its answer is replaced), and the messages of an events queue's
 * dead-letter queue back onto the queue. Each is then answered anew, as if it had just arrived.
 */
@Component
public class DeliveryReplay {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReplay.class);
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long MANAGEMENT_TIMEOUT_MILLIS = 10_000;
    private static final String HUB_FAULTS = SqlStatements.named("connector/replay-hub-faults");
    private static final String REJECTED_FILE = SqlStatements.named("connector/replay-rejected-file");
    private static final String EVENT = SqlStatements.named("connector/replay-event");

    /** A delivery answered HUB_FAULT: its kind (FILE, EVENT, ROW), system, key and when it was answered. */
    public record HubFault(String kind, String system, String key, String name, String answeredAt) {
    }

    private final ConnectorCatalog catalog;
    private final ExchangeServerClient exchange;
    private final NamedParameterJdbcTemplate registry;
    private final JdbcTemplate frontDb;
    private final JmsTemplate jms;

    public DeliveryReplay(ConnectorCatalog catalog, ExchangeServerClient exchange, DataSource registry,
                          @Qualifier("frontDb") DataSource frontDb, JmsTemplate jms) {
        this.catalog = catalog;
        this.exchange = exchange;
        this.registry = new NamedParameterJdbcTemplate(registry);
        this.frontDb = new JdbcTemplate(frontDb);
        this.jms = jms;
    }

    /** The deliveries answered HUB_FAULT, newest first: what waits for a replay once the hub is corrected. */
    public List<HubFault> hubFaults(int limit) {
        return registry.query(HUB_FAULTS, new MapSqlParameterSource("limit", limit),
                (rs, n) -> new HubFault(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** Moves a file answered REJECTED from {@code in/.error/} back into {@code in/}; empty if there is no such file. */
    public Optional<String> replayFile(long intakeFileId) throws IOException {
        List<String[]> found = registry.query(REJECTED_FILE, new MapSqlParameterSource("intakeFileId", intakeFileId)
                .addValue("disposition", FileIntake.ERROR), (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String system = found.get(0)[0];
        String fileName = found.get(0)[1];
        TransportSpec transport = catalog.get(system).descriptor().transport(TransportKind.SFTP_BATCH_IN).orElseThrow();
        String inbox = transport.account() + "/in";
        try (ExchangeSession session = exchange.open()) {
            String failed = inbox + "/" + FileIntake.ERROR + "/" + fileName;
            if (!session.exists(failed) || !session.exists(failed + ".ok")) {
                return Optional.empty();
            }
            // the data file first: the hub reads nothing before its done file is back
            session.move(failed, inbox);
            session.move(failed + ".ok", inbox);
        }
        log.info("{} of {} replayed: back in {}", fileName, system, inbox);
        return Optional.of(inbox + "/" + fileName);
    }

    /** Sets a front-database row answered {@code 9} back to {@code 0}; false if there is no such row. */
    public boolean replayRow(String system, long seq) {
        Optional<TransportSpec> transport = transportOf(system, TransportKind.SQL_POLL_IN);
        if (transport.isEmpty()) {
            return false;
        }
        // the table is the descriptor's (an identifier by the descriptor schema's pattern), which no parameter can
        // carry: written into the statement as the sql-poll-in template writes it into its own
        boolean replayed = frontDb.update("UPDATE " + transport.get().table() + " SET sync_status = '0', "
                + "sync_msg = NULL WHERE seq = ? AND sync_status = '9'", seq) == 1;
        if (replayed) {
            log.info("Front-db row {} of {} replayed", seq, system);
        }
        return replayed;
    }

    /**
     * Sends an event answered HUB_FAULT onto its queue again, as it was quarantined, with its eventId as
     * correlation id; false if there is no such event.
     */
    public boolean replayEvent(String eventId) {
        List<String[]> found = registry.query(EVENT, new MapSqlParameterSource("intakeKey", "event:" + eventId),
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        if (found.isEmpty()) {
            return false;
        }
        String system = found.get(0)[0];
        jms.send(eventsQueue(system), session -> {
            TextMessage event = session.createTextMessage(found.get(0)[1]);
            event.setJMSCorrelationID(eventId);
            return event;
        });
        log.info("Event {} of {} replayed", eventId, system);
        return true;
    }

    /**
     * Moves every message of a system's events dead-letter queue back onto the events queue; how many it moved, empty
     * for a system without events.
     */
    public Optional<Long> replayDeadLetters(String system) {
        Optional<TransportSpec> transport = transportOf(system, TransportKind.JMS_EVENTS_IN);
        if (transport.isEmpty()) {
            return Optional.empty();
        }
        String deadLetters = Queues.deadLetters(transport.get().eventsQueue(system));
        Long moved = jms.execute(session -> {
            TemporaryQueue replies = session.createTemporaryQueue();
            Message request = session.createMessage();
            JMSManagementHelper.putOperationInvocation(request, ResourceNames.QUEUE + deadLetters, "retryMessages");
            request.setJMSReplyTo(replies);
            session.createProducer(session.createQueue(MANAGEMENT_ADDRESS)).send(request);
            try (MessageConsumer consumer = session.createConsumer(replies)) {
                Message reply = consumer.receive(MANAGEMENT_TIMEOUT_MILLIS);
                if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                    throw new JMSException("the broker did not retry the messages of " + deadLetters + ": "
                            + (reply == null ? "no answer" : JMSManagementHelper.getResult(reply)));
                }
                return ((Number) JMSManagementHelper.getResult(reply, Long.class)).longValue();
            } catch (Exception e) {
                JMSException failure = new JMSException("cannot retry the messages of " + deadLetters);
                failure.initCause(e);
                throw failure;
            } finally {
                replies.delete();
            }
        }, true);
        log.info("{} messages of {} replayed", moved, deadLetters);
        return Optional.of(moved == null ? 0 : moved);
    }

    private String eventsQueue(String system) {
        return transportOf(system, TransportKind.JMS_EVENTS_IN).orElseThrow().eventsQueue(system);
    }

    private Optional<TransportSpec> transportOf(String system, TransportKind kind) {
        return catalog.find(system).flatMap(connector -> connector.descriptor().transport(kind));
    }
}
