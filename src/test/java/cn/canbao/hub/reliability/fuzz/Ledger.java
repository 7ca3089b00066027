package cn.canbao.hub.reliability.fuzz;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What became of each input: when it was sent, each answer the hub gave (a file receipt, an event receipt or
 * dead-letter entry, a front-database status) and, for one left unanswered at its deadline, what was seen.
 */
final class Ledger {

    /** One input's fate; times in milliseconds since the run's start. */
    static final class Entry {
        final FuzzInput.Kind kind;
        final String id;
        final String format;
        final String mutation;
        final boolean canary;
        /** The input itself until it is answered or written out as a reproduction. */
        volatile FuzzInput input;
        volatile long sentAt = -1;
        volatile long answeredAt = -1;
        volatile String answer;
        volatile int answers;
        volatile String unanswered;

        Entry(FuzzInput input, boolean canary) {
            this.kind = input.kind();
            this.id = input.id();
            this.format = input.format();
            this.mutation = input.mutation();
            this.canary = canary;
            this.input = input;
        }

        boolean answered() {
            return answers > 0;
        }

        long millisToAnswer() {
            return answeredAt - sentAt;
        }
    }

    private final long start = System.nanoTime();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Path reproductions;

    /** @param reproductions where each input is written out when it is given up on unanswered */
    Ledger(Path reproductions) {
        this.reproductions = reproductions;
    }

    void expect(FuzzInput input, boolean canary) {
        if (entries.putIfAbsent(key(input.kind(), input.id()), new Entry(input, canary)) != null) {
            throw new IllegalArgumentException("two inputs of one run share the id " + input.id());
        }
    }

    void sent(FuzzInput input) {
        entry(input.kind(), input.id()).sentAt = now();
    }

    /** Records an answer; returns false when the id is none of this run's inputs (another test's, say). */
    boolean answered(FuzzInput.Kind kind, String id, String answer) {
        Entry entry = entries.get(key(kind, id));
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            if (entry.unanswered != null) {
                // too late: the deadline is the promise, so the input stays unanswered, with the late answer noted
                entry.unanswered = entry.unanswered + "; answered after its deadline: " + answer;
                return true;
            }
            if (entry.answers++ == 0) {
                entry.answeredAt = now();
                entry.answer = answer;
                entry.input = null;
            } else {
                entry.answer = entry.answer + " | then " + answer;
            }
        }
        return true;
    }

    /** Records what was seen of an input given up on, and writes it out, so that the ledger keeps no input's bytes. */
    void unanswered(FuzzInput input, String whatWasSeen) {
        Entry entry = entry(input.kind(), input.id());
        entry.unanswered = whatWasSeen;
        Reproduction.write(reproductions, input);
        entry.input = null;
    }

    Entry entry(FuzzInput.Kind kind, String id) {
        return entries.get(key(kind, id));
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    List<Entry> canaries() {
        return entries.values().stream().filter(e -> e.canary).toList();
    }

    long now() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String key(FuzzInput.Kind kind, String id) {
        return kind + ":" + id;
    }
}
