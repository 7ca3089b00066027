package cn.canbao.hub.national;

import cn.canbao.hub.registry.SqlStatements;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the national outbox to the broker (route national-outbox), a batch of messages at a time: the batch goes to
 * the broker in one JMS transaction, and only after the broker committed it are its rows marked sent, by one
 * statement in the database transaction that read them. A crash between the two leaves the rows unsent; they are
 * sent again with the same duplicate-detection id, and the broker drops them: nothing lost, nothing repeated. The
 * rows are read and sent one at a time through a cursor, so that a batch of increment messages is never in memory
 * whole.
 */
@Component("nationalOutbox")
public class NationalOutbox {

    /** Messages per broker transaction and per update of their rows. */
    private static final int BATCH = 200;
    /** Rows a round trip of the cursor: an increment's message holds up to canbao.national.increment-batch records. */
    private static final int FETCH = 20;
    private static final String LOCK = SqlStatements.named("national/outbox-lock");
    private static final String SENT = SqlStatements.named("national/outbox-sent");
    private static final String UNSENT = SqlStatements.named("national/outbox-unsent");

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate transaction;
    private final ConnectionFactory broker;
    private final NationalMessage message;
    private final Clock clock = Clock.systemUTC();

    public NationalOutbox(DataSource dataSource, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                          ConnectionFactory connectionFactory, NationalMessage message) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.transaction = transaction;
        this.broker = connectionFactory;
        this.message = message;
    }

    /** Sends every unsent message of the outbox to {@code queue}, in the order written; how many it sent. */
    public int sendDue(String queue) {
        int sent = 0;
        int batch;
        do {
            batch = transaction.execute(status -> sendBatch(queue));
            sent += batch;
        } while (batch == BATCH);
        return sent;
    }

    private int sendBatch(String queue) {
        jdbc.queryForList(LOCK, Map.of());
        List<Long> ids;
        try {
            ids = send(queue, true);
        } catch (JMSException e) {
            // The broker refused the transaction, as it refuses one holding a message it saw already (sent before
            // a crash kept its row unsent): nothing of it was routed. One at a time outside a transaction, the
            // broker drops a duplicate alone and takes the rest; an unreachable broker fails here too.
            ids = sendSingly(queue);
        }
        if (!ids.isEmpty()) {
            jdbc.update(SENT,
                    new MapSqlParameterSource("ids", ids).addValue("now", OffsetDateTime.now(clock)));
        }
        return ids.size();
    }

    private List<Long> sendSingly(String queue) {
        try {
            return send(queue, false);
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    /** Sends the oldest unsent rows, in one broker transaction or each on its own; the ids of the rows sent. */
    private List<Long> send(String queue, boolean transacted) throws JMSException {
        List<Long> ids = new ArrayList<>();
        // a session of its own, not one bound to the database transaction: the broker commits first, then the rows
        try (Connection connection = broker.createConnection();
             Session session = connection.createSession(transacted,
                     transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            streaming.query(UNSENT, Map.of("batch", BATCH), row -> {
                try {
                    producer.send(message.of(session, row));
                } catch (JMSException e) {
                    throw JmsUtils.convertJmsAccessException(e);
                }
                ids.add(row.getLong("id"));
            });
            if (transacted) {
                session.commit();
            }
        }
        return ids;
    }
}
