package cn.canbao.hub.national;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.support.PartnerJms;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The national registration system as the spec sees it: a JMS client over TCP as broker user {@code national},
 * reading canbao.out.national and writing canbao.in.national.
 */
final class NationalSystem implements AutoCloseable {

    static final String OUT = "canbao.out.national";
    static final String IN = "canbao.in.national";

    private final PartnerJms partner;
    private final Connection connection;
    private final Session session;

    NationalSystem(Path dataDir, int port) throws IOException, JMSException {
        partner = new PartnerJms(dataDir, "national", port);
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("secrets/broker/national.properties"))) {
            credentials.load(reader);
        }
        connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port)
                .createConnection(credentials.getProperty("user"), credentials.getProperty("password"));
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Sends a message to the hub as the national system does. */
    void send(String body) throws JMSException {
        partner.send(IN, body, null);
    }

    void sendBytes(byte[] body) throws JMSException {
        partner.sendBytes(IN, body, null);
    }

    /**
     * The hub's messages with these envelope messageIds (its JMS property messageId), as JSON, each once; fails when
     * one does not come within the timeout.
     */
    List<JsonNode> receive(Collection<String> messageIds, long timeoutMillis) throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        if (messageIds.isEmpty()) {
            return messages;
        }
        String selector = "messageId IN (" + messageIds.stream().map(id -> "'" + id + "'")
                .collect(Collectors.joining(",")) + ")";
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(OUT), selector)) {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (messages.size() < messageIds.size()) {
                long left = deadline - System.currentTimeMillis();
                TextMessage message = left <= 0 ? null : (TextMessage) consumer.receive(left);
                if (message == null) {
                    throw new AssertionError("only " + messages.size() + " of " + messageIds.size()
                            + " national messages arrived");
                }
                messages.add(CanonicalJson.mapper().readTree(message.getText()));
            }
        }
        return messages;
    }

    /** A COMPARE_RESULT envelope answering request {@code correlationId}. */
    static String result(String messageId, String receiver, String correlationId, String results) {
        return "{\"header\": {\"messageId\": \"" + messageId + "\", \"messageType\": \"COMPARE_RESULT\", "
                + "\"sender\": \"000000\", \"receiver\": \"" + receiver + "\", "
                + "\"sentAt\": \"2017-10-16T09:00:00+08:00\", \"correlationId\": "
                + (correlationId == null ? "null" : "\"" + correlationId + "\"") + "}, "
                + "\"body\": {\"results\": " + results + "}}";
    }

    /** One result of a COMPARE_RESULT: a person and the schemes (province, scheme, status) they hold elsewhere. */
    static String person(String idNumber, String... provinceSchemeStatus) {
        List<String> rows = new ArrayList<>();
        for (String row : provinceSchemeStatus) {
            String[] parts = row.split(" ");
            rows.add("{\"province\": \"" + parts[0] + "\", \"scheme\": \"" + parts[1] + "\", \"status\": \""
                    + parts[2] + "\"}");
        }
        return "{\"idNumber\": \"" + idNumber + "\", \"insuredElsewhere\": [" + String.join(", ", rows) + "]}";
    }

    @Override
    public void close() throws JMSException {
        try {
            connection.close();
        } finally {
            partner.close();
        }
    }
}
