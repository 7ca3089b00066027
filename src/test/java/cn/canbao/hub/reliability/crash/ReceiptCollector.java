package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.support.PartnerJms;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheme systems reading their receipts queues for the whole run, reconnecting whenever the broker goes away.
 * Receipts are told apart by JMS message id: a receipt the broker delivers again because the partner's
 * acknowledgement was lost with the broker is the same receipt, not a second answer.
 */
final class ReceiptCollector implements AutoCloseable {

    private static final Duration RECONNECT_AFTER = Duration.ofMillis(500);

    private final Path dataDir;
    private final HubPorts ports;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, PartnerJms> connections = new ConcurrentHashMap<>();
    /** correlation id → JMS message id → receipt body */
    private final Map<String, Map<String, String>> receipts = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    ReceiptCollector(Path dataDir, HubPorts ports) {
        this.dataDir = dataDir;
        this.ports = ports;
    }

    /** Starts reading the receipts queue of each scheme system (its broker account). */
    void start(Set<String> accounts) {
        accounts.forEach(account -> scheduler.execute(() -> connect(account)));
    }

    /** The distinct receipts so far of the event sent with this correlation id. */
    int receiptsOf(String correlationId) {
        return receipts.getOrDefault(correlationId, Map.of()).size();
    }

    /** Every distinct receipt message taken so far (grows with each one, whatever its event). */
    long received() {
        return received.get();
    }

    /** correlation id → the bodies of its distinct receipts, in message-id order. */
    Map<String, Map<String, String>> receipts() {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        receipts.forEach((correlationId, messages) -> copy.put(correlationId, new TreeMap<>(messages)));
        return copy;
    }

    private void connect(String account) {
        if (scheduler.isShutdown()) {
            return;
        }
        PartnerJms jms = null;
        try {
            jms = new PartnerJms(dataDir, account, ports.broker());
            PartnerJms connected = jms;
            jms.onConnectionLost(e -> reconnect(account, connected));
            jms.listen("canbao.out." + account + ".receipts", this::take);
            connections.put(account, jms);
        } catch (Exception e) {
            closeQuietly(jms);
            scheduler.schedule(() -> connect(account), RECONNECT_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void reconnect(String account, PartnerJms lost) {
        connections.remove(account, lost);
        if (!scheduler.isShutdown()) {
            scheduler.execute(() -> {
                closeQuietly(lost);
                connect(account);
            });
        }
    }

    private void take(Message message) {
        try {
            String correlationId = Objects.requireNonNullElse(message.getJMSCorrelationID(), "(none)");
            Map<String, String> messages = receipts.computeIfAbsent(correlationId, id -> new ConcurrentHashMap<>());
            if (messages.putIfAbsent(message.getJMSMessageID(), ((TextMessage) message).getText()) == null) {
                received.incrementAndGet();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a receipt", e);
        }
    }

    private static void closeQuietly(PartnerJms jms) {
        if (jms == null) {
            return;
        }
        try {
            jms.close();
        } catch (Exception e) {
            // the connection is broken already; nothing is left to release
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        connections.values().forEach(ReceiptCollector::closeQuietly);
    }
}
