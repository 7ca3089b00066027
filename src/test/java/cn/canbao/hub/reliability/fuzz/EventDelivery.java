package cn.canbao.hub.reliability.fuzz;

import static org.awaitility.Awaitility.await;

import cn.canbao.hub.exchange.Queues;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One scheme system's events, sent as the system does (its own broker account) with a few in flight, each awaited
 * until exactly one receipt with its correlation id is on {@code canbao.out.{system}.receipts} or it is in
 * {@code DLQ.canbao.in.{system}.events}.
 */
final class EventDelivery implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int IN_FLIGHT = 16;

    private final BrokerClient partner;
    private final BrokerClient hub;
    private final Ledger ledger;
    private final HubLog log;
    private final Duration deadline;
    private final Map<String, MalformedEvent> inFlight = new ConcurrentHashMap<>();

    /** Listens to the system's receipts (as the partner) and dead letters (as the hub) before anything is sent. */
    EventDelivery(Path dataDir, int brokerPort, String system, Ledger ledger, HubLog log, Duration deadline)
            throws Exception {
        String account = system.toLowerCase(Locale.ROOT);
        this.partner = new BrokerClient(dataDir, account, brokerPort);
        this.hub = new BrokerClient(dataDir, "hub", brokerPort);
        this.ledger = ledger;
        this.log = log;
        this.deadline = deadline;
        partner.listen("canbao.out." + account + ".receipts", this::receipt);
        hub.listenToCorrelationIds(Queues.deadLettersToRead(Queues.events(account)), this::deadLetter);
    }

    void deliver(List<MalformedEvent> events) throws Exception {
        for (MalformedEvent event : events) {
            awaitRoom(IN_FLIGHT - 1);
            inFlight.put(event.correlationId(), event);
            ledger.sent(event);
            partner.send(event);
        }
        awaitRoom(0);
    }

    private void awaitRoom(int atMostInFlight) {
        await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL).forever().until(() -> {
            giveUpOnLateOnes();
            return inFlight.size() <= atMostInFlight;
        });
    }

    private void giveUpOnLateOnes() {
        long now = ledger.now();
        for (MalformedEvent event : new ArrayList<>(inFlight.values())) {
            Ledger.Entry entry = ledger.entry(FuzzInput.Kind.EVENT, event.correlationId());
            if (entry.answered()) {
                inFlight.remove(event.correlationId());
            } else if (now - entry.sentAt > deadline.toMillis()) {
                inFlight.remove(event.correlationId());
                ledger.unanswered(event, "no receipt and no dead letter after " + deadline.toSeconds() + " s; hub log: "
                        + log.about(event.correlationId(), entry.sentAt, now));
            }
        }
    }

    private void receipt(Message message) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : "a receipt that is no text message";
            ledger.answered(FuzzInput.Kind.EVENT, message.getJMSCorrelationID(), "receipt " + FileDelivery.summary(body));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deadLetter(String correlationId) {
        ledger.answered(FuzzInput.Kind.EVENT, correlationId, "dead letter");
    }

    @Override
    public void close() throws Exception {
        partner.close();
        hub.close();
    }
}
