package cn.canbao.hub.exchange;

import java.util.Locale;

/**
 * The JMS queue names of the interface specification (§5) and the dead-letter queues the broker settings give them
 * (docs/broker.md): built here and nowhere else.
 */
public final class Queues {

    /** The address every dead-letter queue is on (config/broker/canbao-broker.xml). */
    public static final String DEAD_LETTER_ADDRESS = "canbao-dead-letters";
    private static final String DEAD_LETTER_PREFIX = "DLQ.";

    private Queues() {
    }

    /** Where a scheme system sends its participation events: {@code canbao.in.{system}.events}. */
    public static String events(String system) {
        return "canbao.in." + account(system) + ".events";
    }

    /** Where the hub answers each event: {@code canbao.out.{system}.receipts}. */
    public static String receipts(String system) {
        return "canbao.out." + account(system) + ".receipts";
    }

    /** Where the hub sends a scheme system its alerts (spec §7.2): {@code canbao.out.{system}.alerts}. */
    public static String alerts(String system) {
        return "canbao.out." + account(system) + ".alerts";
    }

    /** The dead-letter queue of a queue, by its queue name (as management operations take it). */
    public static String deadLetters(String queue) {
        return DEAD_LETTER_PREFIX + queue;
    }

    /** The dead-letter queue of a queue, by the fully qualified name a JMS client reads it with. */
    public static String deadLettersToRead(String queue) {
        return DEAD_LETTER_ADDRESS + "::" + deadLetters(queue);
    }

    private static String account(String system) {
        return system.toLowerCase(Locale.ROOT);
    }
}
