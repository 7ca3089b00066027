package cn.canbao.hub.embedded.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.JmsAccount;
import cn.canbao.hub.exchange.Queues;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/** Partners' JMS clients against the secured broker over TCP, as the interface specification §5 grants them. */
class PartnerBrokerTest {

    private static final int MAX_DELIVERY_ATTEMPTS = 5;
    private static final long RECEIVE_TIMEOUT_MILLIS = 5_000;
    private static final ExchangeAccounts ACCOUNTS = new ExchangeAccounts(List.of(), List.of(
            new JmsAccount("pension", List.of("canbao.in.pension.events"),
                    List.of("canbao.out.pension.receipts", "canbao.out.pension.alerts")),
            new JmsAccount("medical", List.of("canbao.in.medical.events"),
                    List.of("canbao.out.medical.receipts", "canbao.out.medical.alerts")),
            new JmsAccount("national", List.of("canbao.in.national"), List.of("canbao.out.national"))));

    @TempDir
    Path dataDir;

    private SecuredTestBroker broker;
    private BrokerUsers users;
    private ActiveMQConnectionFactory partnerFactory;

    @BeforeEach
    void startBroker() throws Exception {
        broker = SecuredTestBroker.start(dataDir, ACCOUNTS);
        users = broker.users();
        partnerFactory = new ActiveMQConnectionFactory(broker.url());
    }

    @AfterEach
    void stopBroker() throws Exception {
        partnerFactory.close();
        broker.close();
    }

    @ParameterizedTest
    @CsvSource({
            "canbao.in.pension.events", "canbao.out.pension.receipts", "canbao.out.pension.alerts",
            "canbao.in.national", "canbao.out.national"})
    void createsEveryGrantedQueueAsAnycast(String name) {
        Queue queue = broker.broker().getActiveMQServer().locateQueue(SimpleString.of(name));
        assertThat(queue).as(name).isNotNull();
        assertThat(queue.getRoutingType()).isEqualTo(RoutingType.ANYCAST);
        assertThat(queue.getAddress().toString()).isEqualTo(name);
        assertThat(queue.isDurable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"canbao.in.pension.events", "canbao.out.pension.receipts", "canbao.out.national"})
    void createsEveryGrantedQueuesDeadLetterQueueAsTheBrokerWouldAtItsFirstDeadLetter(String name) {
        Queue queue = broker.broker().getActiveMQServer().locateQueue(SimpleString.of("DLQ." + name));
        assertThat(queue).as("DLQ." + name).isNotNull();
        assertThat(queue.getAddress().toString()).isEqualTo("canbao-dead-letters");
        assertThat(queue.getFilter().getFilterString().toString()).isEqualTo("_AMQ_ORIG_ADDRESS = '" + name + "'");
        assertThat(queue.isDurable()).isTrue();
    }

    @Test
    void stopsTakingMessagesOnShortFreeSpaceRatherThanAtAShareOfTheDisk() {
        assertThat(broker.broker().getActiveMQServer().getConfiguration().getMinDiskFree())
                .isEqualTo(DataSize.ofGigabytes(1).toBytes());
    }

    @Test
    void keepsOneCopyOfAnEventAPartnerSendsAgainWithTheSameDuplicateId() throws JMSException {
        try (Connection pension = connect("pension"); Connection hub = connect("hub")) {
            for (int send = 0; send < 2; send++) {
                try (Session session = pension.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                    TextMessage event = session.createTextMessage("{\"eventId\":\"e-7\"}");
                    event.setStringProperty("_AMQ_DUPL_ID", "e-7");
                    session.createProducer(session.createQueue("canbao.in.pension.events")).send(event);
                }
            }

            assertThat(receive(hub, "canbao.in.pension.events")).isNotNull();
            try (Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
                 MessageConsumer consumer = session.createConsumer(session.createQueue("canbao.in.pension.events"))) {
                assertThat(consumer.receiveNoWait()).isNull();
            }
        }
        assertThat(broker.broker().getActiveMQServer().getConfiguration().getIDCacheSize()).isEqualTo(100_000);
        assertThat(broker.broker().getActiveMQServer().getConfiguration().isPersistIDCache()).isTrue();
    }

    @Test
    void keepsEachMessagesDeliveryCountSoThatARedeliveryAfterACrashIsMarkedAsOne() {
        assertThat(broker.broker().getActiveMQServer().getConfiguration().isPersistDeliveryCountBeforeDelivery())
                .isTrue();
    }

    @Test
    void partnerSendsItsEventsAndReadsItsReceipts() throws JMSException {
        try (Connection pension = connect("pension"); Connection hub = connect("hub")) {
            send(pension, "canbao.in.pension.events", "{\"eventId\":\"e-1\"}");
            Message event = receive(hub, "canbao.in.pension.events");
            assertThat(((TextMessage) event).getText()).isEqualTo("{\"eventId\":\"e-1\"}");
            assertThat(event.getStringProperty("_AMQ_VALIDATED_USER")).isEqualTo("pension");

            send(hub, "canbao.out.pension.receipts", "{\"eventId\":\"e-1\",\"status\":\"ACCEPTED\"}");
            send(hub, "canbao.out.pension.alerts", "{\"alertId\":\"a-1\"}");
            assertThat(((TextMessage) receive(pension, "canbao.out.pension.receipts")).getText()).contains("ACCEPTED");
            assertThat(((TextMessage) receive(pension, "canbao.out.pension.alerts")).getText()).contains("a-1");
        }
    }

    @ParameterizedTest(name = "{0} may not send to {1}")
    @CsvSource({
            "pension, canbao.in.medical.events",
            "pension, canbao.out.pension.receipts",
            "pension, canbao.in.national",
            "pension, canbao.in.pension.unknown",
            "national, canbao.out.national",
            "national, canbao.in.pension.events"})
    void refusesSendingOutsideTheGrants(String partner, String queue) throws JMSException {
        try (Connection connection = connect(partner)) {
            assertThatThrownBy(() -> send(connection, queue, "{}")).isInstanceOf(JMSSecurityException.class);
        }
    }

    @ParameterizedTest(name = "{0} may not consume {1}")
    @CsvSource({
            "pension, canbao.out.medical.receipts",
            "pension, canbao.out.medical.alerts",
            "pension, canbao.in.pension.events",
            "pension, DLQ.canbao.out.pension.receipts",
            "pension, canbao.out.national",
            "national, canbao.in.national",
            "national, canbao.out.pension.receipts"})
    void refusesConsumingOutsideTheGrants(String partner, String queue) throws JMSException {
        try (Connection connection = connect(partner)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue)))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void nationalSystemReadsOutgoingAndWritesIncoming() throws JMSException {
        try (Connection national = connect("national"); Connection hub = connect("hub")) {
            send(hub, "canbao.out.national", "{\"header\":{\"messageType\":\"COMPARE_REQUEST\"}}");
            assertThat(((TextMessage) receive(national, "canbao.out.national")).getText()).contains("COMPARE_REQUEST");

            send(national, "canbao.in.national", "{\"header\":{\"messageType\":\"COMPARE_RESULT\"}}");
            assertThat(((TextMessage) receive(hub, "canbao.in.national")).getText()).contains("COMPARE_RESULT");
        }
    }

    @Test
    void hubMayUseQueuesNobodyWasGranted() throws JMSException {
        try (Connection hub = connect("hub")) {
            send(hub, "canbao.internal.replay", "{}");
            assertThat(receive(hub, "canbao.internal.replay")).isNotNull();
        }
    }

    @Test
    void refusesAWrongPasswordAndAnonymousClients() {
        assertThatThrownBy(() -> partnerFactory.createConnection("pension", users.password("medical")).close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> partnerFactory.createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void movesAMessageThatFailsEveryDeliveryAttemptToItsDeadLetterQueue() throws JMSException {
        try (Connection pension = connect("pension"); Connection hub = connect("hub")) {
            send(pension, "canbao.in.pension.events", "{\"eventId\":\"poison\"}");

            Session transacted = hub.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = transacted.createConsumer(transacted.createQueue("canbao.in.pension.events"));
            for (int attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
                Message delivery = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
                assertThat(delivery).as("delivery %d", attempt).isNotNull();
                assertThat(delivery.getIntProperty("JMSXDeliveryCount")).isEqualTo(attempt);
                transacted.rollback();
            }
            assertThat(consumer.receiveNoWait()).isNull();
            transacted.close();

            Message deadLetter = receive(hub, Queues.deadLettersToRead("canbao.in.pension.events"));
            assertThat(((TextMessage) deadLetter).getText()).isEqualTo("{\"eventId\":\"poison\"}");
        }
    }

    private Connection connect(String user) throws JMSException {
        Connection connection = partnerFactory.createConnection(user, users.password(user));
        connection.start();
        return connection;
    }

    private static void send(Connection connection, String queue, String text) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
    }

    private static Message receive(Connection connection, String queue) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            return consumer.receive(RECEIVE_TIMEOUT_MILLIS);
        }
    }
}
