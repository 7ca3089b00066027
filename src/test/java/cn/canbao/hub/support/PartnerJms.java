package cn.canbao.hub.support;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A scheme system as the spec sees it: a JMS client over TCP with its own broker credentials. */
public final class PartnerJms implements AutoCloseable {

    /** Artemis' message property for duplicate detection ({@code Message.HDR_DUPLICATE_DETECTION_ID}). */
    public static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";

    private final Connection connection;
    private final Session session;

    public PartnerJms(Path dataDir, String account, int port) throws IOException, JMSException {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("secrets/broker/" + account + ".properties"))) {
            credentials.load(reader);
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        connection = factory.createConnection(credentials.getProperty("user"), credentials.getProperty("password"));
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    public void send(String queue, String body, String correlationId) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            TextMessage message = session.createTextMessage(body);
            message.setJMSCorrelationID(correlationId);
            producer.send(message);
        }
    }

    /** A text message of this partner's session, not sent: for a test that hands it to the hub's intake itself. */
    public TextMessage textMessage(String body) throws JMSException {
        return session.createTextMessage(body);
    }

    public void sendBytes(String queue, byte[] body, String correlationId) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setJMSCorrelationID(correlationId);
            producer.send(message);
        }
    }

    /**
     * Sends as a partner does that cannot know whether an earlier send reached the broker (the connection broke
     * before the broker's answer): with Artemis' duplicate-detection id, so the broker keeps one copy however often
     * the message is sent.
     */
    public void sendOnce(String queue, String body, String correlationId, String duplicateId) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            TextMessage message = session.createTextMessage(body);
            message.setJMSCorrelationID(correlationId);
            message.setStringProperty(DUPLICATE_DETECTION_ID, duplicateId);
            producer.send(message);
        }
    }

    /** Hands every message of a queue to the listener as it arrives. */
    public void listen(String queue, MessageListener listener) throws JMSException {
        session.createConsumer(session.createQueue(queue)).setMessageListener(listener);
    }

    /** Told when the connection to the broker breaks (e.g. the broker went away). */
    public void onConnectionLost(ExceptionListener listener) throws JMSException {
        connection.setExceptionListener(listener);
    }

    /** The next message on a queue whose correlation id is the given one, or null after the timeout. */
    public TextMessage receive(String queue, String correlationId, long timeoutMillis) throws JMSException {
        String selector = "JMSCorrelationID = '" + correlationId.replace("'", "''") + "'";
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
            Message message = consumer.receive(timeoutMillis);
            return (TextMessage) message;
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
