package cn.canbao.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.embedded.broker.BrokerSettingsFile;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.TestEvents;
import cn.canbao.hub.support.TestHub;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The province's broker (a separate Artemis, as in production) restarted while a scheme system's events stream in:
 * the hub reconnects by itself (health {@code intake} shows the wait), every event takes effect once and is answered
 * by exactly one receipt — a receipt is sent in the same transaction as the event's acknowledgement, so a
 * transaction the restart cut off leaves neither.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("reliability")
// the broker stops with the class: a context kept for later classes would try to reach it for the rest of the suite
@DirtiesContext
class BrokerRestartTest {

    private static final int EVENTS = 200;
    private static final String QUEUE = "canbao.in.pension.events";
    private static final String RECEIPTS = "canbao.out.pension.receipts";
    private static final TestHub HUB = TestHub.create();
    private static final ProvincialBroker BROKER = new ProvincialBroker(HUB.dataDir().resolve("provincial-broker"),
            TestHub.freePort());

    @DynamicPropertySource
    static void hubWithAnExternalBroker(DynamicPropertyRegistry registry) {
        BROKER.start();
        HUB.register(registry);
        registry.add("canbao.broker.embedded", () -> false);
        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.embedded.enabled", () -> false);
        registry.add("spring.artemis.broker-url", BROKER::url);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Autowired
    JdbcTemplate registry;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    /** Receipts by the event's correlation id, as the JMS message ids of the receipts that arrived for it. */
    private final Map<String, Set<String>> receipts = new ConcurrentHashMap<>();

    @Test
    void answersEveryEventOnceAcrossABrokerRestart() throws Exception {
        List<String> eventIds = new ArrayList<>();
        try (Connection partner = BROKER.connect()) {
            Session session = partner.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            for (int i = 0; i < EVENTS; i++) {
                String eventId = UUID.randomUUID().toString();
                eventIds.add(eventId);
                String person = TestIds.next("630102", 1990, i % 2 == 0);
                TextMessage event = session.createTextMessage(TestEvents.pension(eventId, "PAYMENT", person));
                event.setJMSCorrelationID(eventId);
                producer.send(event);
            }
            collectReceipts(partner, EVENTS / 4);
        }

        BROKER.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(component("intake")));
        BROKER.start();

        try (Connection partner = BROKER.connect()) {
            collectReceipts(partner, EVENTS);
        }
        assertThat(receipts.keySet()).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(receipts.values()).allSatisfy(messageIds -> assertThat(messageIds).hasSize(1));
        assertThat(registry.queryForObject("SELECT count(DISTINCT intake_key) FROM source_record WHERE intake_key = "
                + "ANY (?)", Long.class, (Object) eventIds.stream().map(id -> "event:" + id).toArray(String[]::new)))
                .isEqualTo(EVENTS);
        assertThat(registry.queryForObject("SELECT count(*) FROM source_record WHERE intake_key = ANY (?)", Long.class,
                (Object) eventIds.stream().map(id -> "event:" + id).toArray(String[]::new))).isEqualTo(EVENTS);
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(component("intake")));
    }

    /** Reads receipts until as many events as asked have one; a receipt delivered again counts once by its id. */
    private void collectReceipts(Connection partner, int events) throws JMSException {
        partner.start();
        Session session = partner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(RECEIPTS));
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            Message receipt = consumer.receive(1000);
            if (receipt != null) {
                receipts.computeIfAbsent(receipt.getJMSCorrelationID(), id -> ConcurrentHashMap.newKeySet())
                        .add(receipt.getJMSMessageID());
                assertThat(json.readTree(((TextMessage) receipt).getText()).get("status").asText())
                        .isEqualTo("ACCEPTED");
            }
            return receipts.size() >= events;
        });
    }

    private String component(String name) throws Exception {
        JsonNode health = json.readTree(ApiClient.anonymous(port).get("/actuator/health").body());
        return health.at("/components/" + name + "/status").asText();
    }

    /**
     * A persistent Artemis broker of its own, stopped and started again on the same journal and port, with the
     * settings the province copies into its broker.xml (config/broker/canbao-broker.xml): Artemis' default would
     * block every producer on a disk more than 90 % full, however much space is left.
     */
    private static final class ProvincialBroker {

        private final Path directory;
        private final int port;
        private EmbeddedActiveMQ server;

        ProvincialBroker(Path directory, int port) {
            this.directory = directory;
            this.port = port;
        }

        String url() {
            return "tcp://127.0.0.1:" + port;
        }

        void start() {
            try {
                Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(true)
                        .setSecurityEnabled(false)
                        .setJournalDirectory(directory.resolve("journal").toString())
                        .setBindingsDirectory(directory.resolve("bindings").toString())
                        .setLargeMessagesDirectory(directory.resolve("large").toString())
                        .setPagingDirectory(directory.resolve("paging").toString())
                        .addAcceptorConfiguration("tcp", url());
                BrokerSettingsFile.applyTo(Path.of("config/broker/canbao-broker.xml"), configuration);
                server = new EmbeddedActiveMQ().setConfiguration(configuration);
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the provincial broker", e);
            }
        }

        void stop() {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the provincial broker", e);
            }
        }

        Connection connect() throws JMSException {
            return new ActiveMQConnectionFactory(url()).createConnection();
        }
    }
}
