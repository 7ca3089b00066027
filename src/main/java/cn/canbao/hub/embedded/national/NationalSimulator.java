package cn.canbao.hub.embedded.national;

import cn.canbao.hub.embedded.broker.PartnerAcceptor;
import cn.canbao.hub.exchange.ExchangeLayout;
import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.NationalEnvelope;
import cn.canbao.hub.national.NationalProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded run's stand-in for the national registration system (spec §5): an outside partner in everything but
 * its process. It connects to the embedded broker's partner acceptor as broker user {@code national}, with the
 * credentials the broker generated under {@code secrets/broker/}, exactly as the real system would; it answers each
 * COMPARE_REQUEST with a COMPARE_RESULT from {@code canbao.national.simulator.persons-file} (every number asked,
 * with the rows the file lists for it, none for the others) and takes PERSON_INCREMENTs, counting messages and
 * records. Off in production ({@code canbao.national.simulator.enabled=false}), where the national system itself
 * consumes {@code canbao.out.national}. It lives in {@code embedded} beside the embedded broker and SFTP server: a
 * stand-in for a partner that only the default run has, which no other package may reach.
 */
@Component
@ConditionalOnProperty(name = "canbao.national.simulator.enabled", havingValue = "true")
public class NationalSimulator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NationalSimulator.class);
    static final String ACCOUNT = "national";

    private final ObjectProvider<PartnerAcceptor> broker;
    private final ExchangeLayout layout;
    private final Path personsFile;
    private final AtomicLong requestsAnswered = new AtomicLong();
    private final AtomicLong incrementMessages = new AtomicLong();
    private final AtomicLong incrementRecords = new AtomicLong();
    private Connection connection;

    public NationalSimulator(ObjectProvider<PartnerAcceptor> broker, ExchangeLayout layout,
                             NationalProperties properties) {
        this.broker = broker;
        this.layout = layout;
        this.personsFile = properties.simulator().personsFile();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void connect() throws IOException, JMSException {
        PartnerAcceptor acceptor = broker.getIfAvailable();
        if (acceptor == null) {
            log.warn("National simulator enabled without the embedded broker: not started (an external broker's "
                    + "national partner is the national system itself)");
            return;
        }
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(layout.brokerCredentials(ACCOUNT), StandardCharsets.UTF_8)) {
            credentials.load(reader);
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(acceptor.url());
        connection = factory.createConnection(credentials.getProperty("user"), credentials.getProperty("password"));
        // one session for the listener: a request is acknowledged with the answer's send (both or neither)
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer answers = session.createProducer(session.createQueue("canbao.in.national"));
        session.createConsumer(session.createQueue("canbao.out.national"))
                .setMessageListener(message -> take(session, answers, message));
        connection.start();
        log.info("National simulator: consuming canbao.out.national as broker user {} at {}; persons insured "
                + "elsewhere from {}", ACCOUNT, acceptor.url(), personsFile);
    }

    private void take(Session session, MessageProducer answers, Message message) {
        try {
            JsonNode envelope = CanonicalJson.mapper().readTree(((TextMessage) message).getText());
            JsonNode header = envelope.path("header");
            switch (header.path("messageType").asText()) {
                case NationalEnvelope.COMPARE_REQUEST -> answer(session, answers, header, envelope.path("body"));
                case NationalEnvelope.PERSON_INCREMENT -> {
                    long records = envelope.path("body").path("records").size();
                    log.info("National simulator: PERSON_INCREMENT {} taken, {} records ({} messages, {} records"
                                    + " so far)", header.path("messageId").asText(), records,
                            incrementMessages.incrementAndGet(), incrementRecords.addAndGet(records));
                }
                default -> log.warn("National simulator: message of type {} ignored",
                        header.path("messageType").asText());
            }
            session.commit();
        } catch (Exception e) {
            log.warn("National simulator: a message it could not take goes back to the broker: {}", e.toString());
            rollback(session);
        }
    }

    private void answer(Session session, MessageProducer answers, JsonNode header, JsonNode body)
            throws IOException, JMSException {
        Map<String, List<String[]>> insuredElsewhere = insuredElsewhere();
        ArrayNode results = CanonicalJson.mapper().createArrayNode();
        int found = 0;
        for (JsonNode id : body.path("idNumbers")) {
            ObjectNode result = results.addObject().put("idNumber", id.asText());
            ArrayNode rows = result.putArray("insuredElsewhere");
            List<String[]> listed = insuredElsewhere.getOrDefault(id.asText(), List.of());
            found += listed.isEmpty() ? 0 : 1;
            listed.forEach(row -> rows.addObject().put("province", row[0]).put("scheme", row[1])
                    .put("status", row[2]));
        }
        ObjectNode resultBody = CanonicalJson.mapper().createObjectNode().set("results", results);
        NationalEnvelope result = new NationalEnvelope(new NationalEnvelope.Header(UUID.randomUUID().toString(),
                NationalEnvelope.COMPARE_RESULT, NationalEnvelope.NATIONAL_SYSTEM, header.path("sender").asText(),
                OffsetDateTime.now(ZoneOffset.ofHours(8)), header.path("messageId").asText()), resultBody);
        TextMessage answer = session.createTextMessage(CanonicalJson.mapper().writeValueAsString(result));
        answer.setJMSCorrelationID(header.path("messageId").asText());
        answers.send(answer);
        log.info("National simulator: COMPARE_REQUEST {} answered, {} of {} persons insured in another province "
                        + "({} requests answered)", header.path("messageId").asText(), found, results.size(),
                requestsAnswered.incrementAndGet());
    }

    /** The file, read at each request so that an edit needs no restart: id_number,province,scheme,status. */
    private Map<String, List<String[]>> insuredElsewhere() throws IOException {
        Map<String, List<String[]>> byPerson = new LinkedHashMap<>();
        if (!Files.exists(personsFile)) {
            return byPerson;
        }
        for (String line : Files.readAllLines(personsFile, StandardCharsets.UTF_8)) {
            String[] fields = line.strip().split(",");
            if (fields.length != 4 || line.startsWith("#") || fields[0].equals("id_number")) {
                continue;
            }
            byPerson.computeIfAbsent(fields[0].strip(), id -> new ArrayList<>())
                    .add(new String[] {fields[1].strip(), fields[2].strip(), fields[3].strip()});
        }
        return byPerson;
    }

    private static void rollback(Session session) {
        try {
            session.rollback();
        } catch (JMSException e) {
            log.warn("National simulator: rollback failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws JMSException {
        if (connection != null) {
            connection.close();
        }
    }
}
