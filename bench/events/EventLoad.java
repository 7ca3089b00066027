import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.FileReader;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A scheme system's side of bench/events/run.sh: sends PENSION participation events (spec §5) to
 * canbao.in.pension.events as broker user pension and takes their receipts from canbao.out.pension.receipts, each
 * event's correlation id its number. At rate 0 the events go out as fast as the broker takes them; at a rate each
 * event has its scheduled time, and its latency counts from that time, so a hub that falls behind is not
 * flattered by a sender that waits for it (no coordinated omission). Prints one line of figures:
 * events, accepted receipts, sustained rate (events / first send to last receipt), latency p50/p99/max in ms.
 *
 * <p>{@code java EventLoad.java size} prints the size of one event in bytes.
 *
 * <p>Run with the hub jar's libraries: {@code java -cp 'lib/*' EventLoad.java tcp://host:port pension.properties
 * count rate first-number}
 */
public class EventLoad {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("size")) {
            System.out.println(event(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            return;
        }
        String url = args[0];
        Properties credentials = new Properties();
        try (FileReader reader = new FileReader(args[1])) {
            credentials.load(reader);
        }
        int count = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int first = Integer.parseInt(args[4]);
        long[] due = new long[count];
        long[] answered = new long[count];
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch receipts = new CountDownLatch(count);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url + "?blockOnDurableSend=false");
        try (Connection receiving = factory.createConnection(credentials.getProperty("user"),
                credentials.getProperty("password"));
             Connection sending = factory.createConnection(credentials.getProperty("user"),
                     credentials.getProperty("password"))) {
            Session in = receiving.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            MessageConsumer consumer = in.createConsumer(in.createQueue("canbao.out.pension.receipts"));
            consumer.setMessageListener(message -> {
                try {
                    int index = Integer.parseInt(message.getJMSCorrelationID()) - first;
                    if (index >= 0 && index < count && answered[index] == 0) {
                        answered[index] = System.nanoTime();
                        if (((TextMessage) message).getText().contains("\"ACCEPTED\"")) {
                            accepted.incrementAndGet();
                        }
                        receipts.countDown();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            receiving.start();
            Session out = sending.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = out.createProducer(out.createQueue("canbao.in.pension.events"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                due[i] = rate == 0 ? System.nanoTime() : start + (long) i * 1_000_000_000L / rate;
                long wait = due[i] - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                TextMessage event = out.createTextMessage(event(first + i));
                event.setJMSCorrelationID(Integer.toString(first + i));
                producer.send(event);
            }
            if (!receipts.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException(receipts.getCount() + " receipts missing");
            }
            long last = Arrays.stream(answered).max().orElseThrow();
            double[] latencies = new double[count];
            for (int i = 0; i < count; i++) {
                latencies[i] = (answered[i] - due[i]) / 1e6;
            }
            Arrays.sort(latencies);
            System.out.printf("events %d accepted %d rate %.0f/s p50 %.1f ms p99 %.1f ms max %.1f ms%n", count,
                    accepted.get(), count / ((last - start) / 1e9), latencies[count / 2],
                    latencies[(int) Math.ceil(count * 0.99) - 1], latencies[count - 1]);
        }
    }

    /** An ENROLL of one person of Xining's Chengzhong district, born on a day of 1960–89 (unique below 10 M), valid check character. */
    private static String event(int number) {
        String birth = String.format("19%02d%02d%02d", 60 + number / 336_000 % 30, 1 + number / 28_000 % 12,
                1 + number / 1000 % 28);
        String seventeen = "630103" + birth + String.format("%03d", number % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * WEIGHTS[i];
        }
        String idNumber = seventeen + CHECKS.charAt(sum % 11);
        return """
                {"eventId": "bench-%d", "system": "PENSION", "type": "ENROLL",
                 "occurredAt": "2026-11-02T09:30:00+08:00",
                 "record": {"AAC002": "%s", "AAC003": "祁永录", "AAC004": "%s", "AAC005": "01",
                  "AAC006": "%s", "AAE140": "110", "AAB301": "630103", "AAB001": "91630103MA7500001X",
                  "AAB004": "城中区某某商贸有限公司", "AAC008": "1", "AAC031": "1", "AAE030": "20261001",
                  "AAE031": "", "AAE042": "202610"}}""".formatted(number, idNumber,
                number % 1000 % 2 == 1 ? "1" : "2", birth);
    }
}
