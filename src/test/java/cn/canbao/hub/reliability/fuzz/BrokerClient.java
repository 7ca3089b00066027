package cn.canbao.hub.reliability.fuzz;

import cn.canbao.hub.reliability.fuzz.MalformedEvent.Body;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One broker account over TCP with its generated credentials: sends any kind of JMS message, the Artemis core
 * client's undecodable text messages included, and listens to queues (dead letters with the core client).
 */
final class BrokerClient implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final Connection connection;
    private final Session session;
    private ServerLocator coreLocator;
    private ClientSessionFactory coreFactory;
    private ClientSession coreSession;

    BrokerClient(Path dataDir, String account, int port) throws IOException, JMSException {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("secrets/broker/" + account + ".properties"))) {
            credentials.load(reader);
        }
        url = "tcp://127.0.0.1:" + port;
        user = credentials.getProperty("user");
        password = credentials.getProperty("password");
        connection = new ActiveMQConnectionFactory(url).createConnection(user, password);
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Sends with the event's correlation id; a {@link MalformedEvent.CoreText} goes through the core client. */
    void send(MalformedEvent event) throws Exception {
        if (event.body() instanceof MalformedEvent.CoreText core) {
            sendCore(event.queue(), core.bodyBuffer(), event.correlationId());
            return;
        }
        Message message = message(event.body());
        message.setJMSCorrelationID(event.correlationId());
        try (var producer = session.createProducer(session.createQueue(event.queue()))) {
            producer.send(message);
        }
    }

    private Message message(Body body) throws JMSException {
        if (body instanceof MalformedEvent.Text text) {
            return session.createTextMessage(text.text());
        }
        if (body instanceof MalformedEvent.Bytes bytes) {
            var message = session.createBytesMessage();
            message.writeBytes(bytes.bytes());
            return message;
        }
        if (body instanceof MalformedEvent.MapBody map) {
            var message = session.createMapMessage();
            for (Map.Entry<String, Object> entry : map.entries().entrySet()) {
                message.setObject(entry.getKey(), entry.getValue());
            }
            return message;
        }
        if (body instanceof MalformedEvent.ObjectBody object) {
            return session.createObjectMessage(object.object());
        }
        if (body instanceof MalformedEvent.StreamBody stream) {
            StreamMessage message = session.createStreamMessage();
            for (Object item : stream.items()) {
                message.writeObject(item);
            }
            return message;
        }
        if (body instanceof MalformedEvent.NoBody) {
            return session.createMessage();
        }
        throw new IllegalArgumentException("a core message is sent with the core client: " + body);
    }

    /** A core message of type TEXT whose body buffer holds the given bytes instead of a JMS text body. */
    private void sendCore(String queue, byte[] bodyBuffer, String correlationId) throws Exception {
        ClientSession core = coreSession();
        ClientMessage message = core.createMessage(ClientMessage.TEXT_TYPE, true);
        message.getBodyBuffer().writeBytes(bodyBuffer);
        message.setCorrelationID(correlationId);
        message.setRoutingType(RoutingType.ANYCAST);
        try (ClientProducer producer = core.createProducer(queue)) {
            producer.send(message);
        }
    }

    private ClientSession coreSession() throws Exception {
        if (coreSession == null) {
            coreLocator = ActiveMQClient.createServerLocator(url);
            coreFactory = coreLocator.createSessionFactory();
            coreSession = coreFactory.createSession(user, password, false, true, true, false, 0);
        }
        return coreSession;
    }

    /**
     * Hands each message's correlation id to the consumer, read with the core client so that the body is never
     * decoded: a JMS consumer given a message whose text body cannot be decoded fails on it for ever (AMQ212058).
     */
    void listenToCorrelationIds(String queue, Consumer<String> consumer) throws Exception {
        ClientSession core = coreSession();
        ClientConsumer messages = core.createConsumer(queue);
        messages.setMessageHandler(message -> {
            Object correlationId = message.getCorrelationID();
            consumer.accept(correlationId == null ? null : correlationId.toString());
            try {
                message.acknowledge();
            } catch (ActiveMQException e) {
                throw new IllegalStateException(e);
            }
        });
        core.start();
    }

    void listen(String queue, MessageListener listener) throws JMSException {
        connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(session.createQueue(queue))
                .setMessageListener(listener);
    }

    @Override
    public void close() throws Exception {
        if (coreSession != null) {
            coreSession.close();
            coreFactory.close();
            coreLocator.close();
        }
        connection.close();
    }
}
