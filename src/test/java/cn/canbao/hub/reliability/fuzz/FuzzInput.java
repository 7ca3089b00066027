package cn.canbao.hub.reliability.fuzz;

/**
 * One generated malformed input: a data file with its done file, a JMS participation event or a front-database row.
 * Every input of a run is unique (file name and content, correlation id and eventId, seq), so nothing is answered as
 * a duplicate of another by accident.
 */
public sealed interface FuzzInput permits MalformedFile, MalformedEvent, MalformedRow {

    enum Kind { FILE, EVENT, ROW }

    Kind kind();

    /** What identifies the input in the hub's answer: the data file name, the JMS correlation id, the row's seq. */
    String id();

    /** The system and format the input is sent as, e.g. {@code PENSION .txt GBK}. */
    String format();

    /** What was done to a valid input to make this one, e.g. {@code truncate@113 + bom-removed}. */
    String mutation();
}
