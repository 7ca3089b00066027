package cn.canbao.hub.reliability.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The hub's warnings and errors during a fuzz run, the last few thousand of them, so an unanswered input can be
 * reported with what the hub said about it. Identity numbers are masked as the hub's own log pattern masks them.
 */
final class HubLog extends AppenderBase<ILoggingEvent> {

    private static final int KEPT = 5_000;
    private static final int LINE = 400;
    private static final Pattern IDENTITY_NUMBER =
            Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

    record Line(long at, String thread, boolean error, String text) {
    }

    private final Deque<Line> lines = new ArrayDeque<>();
    private final Ledger clock;

    private HubLog(Ledger clock) {
        this.clock = clock;
    }

    static HubLog attach(Ledger clock) {
        HubLog log = new HubLog(clock);
        log.setName("fuzz-hub-log");
        log.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        log.start();
        root().addAppender(log);
        return log;
    }

    void detach() {
        root().detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return;
        }
        StringBuilder text = new StringBuilder(event.getLevel().toString()).append(' ')
                .append(event.getLoggerName().replaceAll(".*\\.", "")).append(": ").append(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append(" / ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        String line = mask(text.toString().replaceAll("\\s+", " "));
        synchronized (lines) {
            lines.addLast(new Line(clock.now(), event.getThreadName(), event.getLevel().isGreaterOrEqual(Level.ERROR),
                    line.length() > LINE ? line.substring(0, LINE) + "…" : line));
            if (lines.size() > KEPT) {
                lines.removeFirst();
            }
        }
    }

    /**
     * What the hub said about an input while it waited for its answer: the lines naming it and the errors logged by
     * the same threads (Camel's error handler does not name the file it failed on); without such lines, whatever was
     * logged meanwhile. Distinct lines, at most four.
     */
    List<String> about(String id, long from, long to) {
        List<Line> copy;
        synchronized (lines) {
            copy = new ArrayList<>(lines);
        }
        Set<String> threads = new LinkedHashSet<>();
        copy.stream().filter(line -> line.text().contains(id)).forEach(line -> threads.add(line.thread()));
        Set<String> said = new LinkedHashSet<>();
        for (Line line : copy) {
            boolean inWindow = line.at() >= from && line.at() <= to;
            if (line.text().contains(id) || inWindow && line.error() && threads.contains(line.thread())) {
                said.add(line.text());
            }
        }
        if (said.isEmpty()) {
            copy.stream().filter(line -> line.at() >= from && line.at() <= to)
                    .forEach(line -> said.add("(meanwhile) " + line.text()));
        }
        List<String> first = new ArrayList<>(said);
        return first.subList(0, Math.min(4, first.size()));
    }

    static String mask(String text) {
        return IDENTITY_NUMBER.matcher(text).replaceAll("$1********$2");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
