package cn.canbao.hub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.embedded.broker.BrokerUsers;
import cn.canbao.hub.embedded.broker.PartnerAcceptor;
import cn.canbao.hub.embedded.sftp.EmbeddedSftpServer;
import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.ExchangeCredentials;
import cn.canbao.hub.exchange.JmsAccount;
import cn.canbao.hub.exchange.Queues;
import cn.canbao.hub.exchange.SftpAccount;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded exchange inside the application: accounts from config/exchange.yaml, the hub as a client. */
@SpringBootTest(properties = {
        "canbao.sftp.port=0",
        "canbao.broker.port=0",
        "canbao.database.embedded-port=0",
        "canbao.demo.enabled=false"})
class EmbeddedExchangeApplicationTest {

    private static final long RECEIVE_TIMEOUT_MILLIS = 5_000;
    private static final List<String> EVENT_ROUTES = List.of("pension-events-in", "medical-events-in");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("canbao.data-dir", dataDir::toString);
    }

    @Autowired
    ExchangeCredentials credentials;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    EmbeddedSftpServer sftpServer;
    @Autowired
    PartnerAcceptor partnerAcceptor;
    @Autowired
    BrokerUsers brokerUsers;
    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camelContext;
    @Autowired
    HealthEndpoint healthEndpoint;
    @Autowired
    EmbeddedActiveMQ broker;

    /** These tests exercise the broker itself: the hub's own event consumers must not take their messages. */
    @BeforeEach
    void stopTheHubsEventConsumers() throws Exception {
        for (String route : EVENT_ROUTES) {
            camelContext.getRouteController().stopRoute(route);
        }
    }

    @AfterEach
    void restartTheHubsEventConsumers() throws Exception {
        for (String route : EVENT_ROUTES) {
            camelContext.getRouteController().startRoute(route);
        }
    }

    @Test
    void declaresEveryPartnerAndOneAccountPerCounty() {
        assertThat(accounts.sftp()).extracting(SftpAccount::name)
                .contains("hub", "card", "pension", "police", "education", "justice", "county-630102", "county-632857")
                .filteredOn(name -> name.startsWith("county-")).hasSize(45);
        assertThat(accounts.jms()).extracting(JmsAccount::name)
                .containsExactly("injury", "maternity", "medical", "national", "pension", "unemployment");
        assertThat(dataDir.resolve("exchange/county-630102/roster")).isDirectory();
        assertThat(dataDir.resolve("exchange/education/in")).isDirectory();
    }

    /** An event's transaction waits for the journal's sync: Artemis' 3.3 ms for NIO halved the events' rate (B3). */
    @Test
    void syncsItsJournalEvery100MicrosecondsRatherThanAtArtemisDefault() {
        var configuration = broker.getActiveMQServer().getConfiguration();
        assertThat(configuration.isPersistenceEnabled()).isTrue();
        assertThat(configuration.getJournalBufferTimeout_NIO()).isEqualTo(100_000);
        assertThat(configuration.getJournalBufferTimeout_AIO()).isEqualTo(100_000);
    }

    @Test
    void exposesTheHubsOwnCredentials() {
        assertThat(credentials.sftpHost()).isEqualTo("127.0.0.1");
        assertThat(credentials.sftpPort()).isEqualTo(sftpServer.port()).isPositive();
        assertThat(credentials.sftpUser()).isEqualTo("hub");
        assertThat(credentials.sftpPrivateKey()).isEqualTo(dataDir.resolve("secrets/sftp/hub")).isRegularFile();
        assertThat(credentials.knownHosts()).content().startsWith("[127.0.0.1]:" + sftpServer.port() + " ");
        assertThat(credentials.brokerUser()).isEqualTo("hub");
        assertThat(dataDir.resolve("secrets/broker/hub.properties"))
                .content().contains("password=" + credentials.brokerPassword());
        assertThat(credentials.toString()).doesNotContain(credentials.brokerPassword());
        assertThat(camelContext.resolvePropertyPlaceholders("{{bean:exchangeCredentials.sftpPort}}"))
                .isEqualTo(String.valueOf(sftpServer.port()));
    }

    @Test
    void hubWritesIntoAPartnersHomeWithCamelSftpAsHub() {
        String uri = "sftp:{{bean:exchangeCredentials.sftpHost}}:{{bean:exchangeCredentials.sftpPort}}/pension/receipt"
                + "?username=hub&privateKeyFile=" + credentials.sftpPrivateKey()
                + "&knownHostsFile=" + credentials.knownHosts()
                + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false";

        producer.sendBodyAndHeader(uri, "{\"status\":\"ACCEPTED\"}", Exchange.FILE_NAME, "PENSION_630000_20171015_001.txt.receipt.json");

        assertThat(dataDir.resolve("exchange/pension/receipt/PENSION_630000_20171015_001.txt.receipt.json"))
                .hasContent("{\"status\":\"ACCEPTED\"}");
    }

    @Test
    void partnerEventOverTcpReachesTheHubsOwnConnection() throws JMSException {
        String password = brokerUsers.password("pension");
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(partnerAcceptor.url());
             Connection pension = factory.createConnection("pension", password)) {
            Session session = pension.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("canbao.in.pension.events"))
                    .send(session.createTextMessage("{\"eventId\":\"app-1\"}"));
        }

        jmsTemplate.setReceiveTimeout(RECEIVE_TIMEOUT_MILLIS);
        Message event = jmsTemplate.receive("canbao.in.pension.events");
        assertThat(((TextMessage) event).getText()).isEqualTo("{\"eventId\":\"app-1\"}");
        assertThat(event.getStringProperty("_AMQ_VALIDATED_USER")).isEqualTo("pension");
    }

    @Test
    void hubsConnectionFactoryLogsInAsHub() throws JMSException {
        jmsTemplate.convertAndSend("canbao.out.pension.receipts", "{\"eventId\":\"app-2\",\"status\":\"ACCEPTED\"}");

        jmsTemplate.setReceiveTimeout(RECEIVE_TIMEOUT_MILLIS);
        Message receipt = jmsTemplate.receive("canbao.out.pension.receipts");
        assertThat(receipt.getStringProperty("_AMQ_VALIDATED_USER")).isEqualTo("hub");
    }

    @Test
    void eventThatFailsFiveTimesEndsInItsDeadLetterQueue() throws JMSException {
        jmsTemplate.convertAndSend("canbao.in.medical.events", "{\"eventId\":\"poison\"}");

        try (Connection hub = connectionFactory.createConnection()) {
            hub.start();
            Session transacted = hub.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = transacted.createConsumer(transacted.createQueue("canbao.in.medical.events"));
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(consumer.receive(RECEIVE_TIMEOUT_MILLIS)).as("delivery %d", attempt).isNotNull();
                transacted.rollback();
            }
        }

        jmsTemplate.setReceiveTimeout(RECEIVE_TIMEOUT_MILLIS);
        assertThat(((TextMessage) jmsTemplate.receive(Queues.deadLettersToRead("canbao.in.medical.events"))).getText())
                .isEqualTo("{\"eventId\":\"poison\"}");
    }

    @Test
    void healthShowsTheSftpServerBrokerAndDatabaseUp() {
        Map<String, HealthDescriptor> components = ((CompositeHealthDescriptor) healthEndpoint.health()).getComponents();

        assertThat(components).containsKeys("sftp", "jms", "db");
        IndicatedHealthDescriptor sftp = (IndicatedHealthDescriptor) components.get("sftp");
        assertThat(sftp.getStatus()).isEqualTo(Status.UP);
        assertThat(sftp.getDetails()).containsEntry("port", sftpServer.port());
        assertThat(components.get("jms").getStatus()).isEqualTo(Status.UP);
        assertThat(components.get("db").getStatus()).isEqualTo(Status.UP);
    }
}
