package cn.canbao.hub.model;

/** The place in the source a record came from: a file and record number, an event, or a front-database row. */
public record SourceReference(String file, Long record, String eventId, Long frontDbSeq) {

    public static SourceReference ofFile(String file, long record) {
        return new SourceReference(file, record, null, null);
    }

    public static SourceReference ofEvent(String eventId) {
        return new SourceReference(null, null, eventId, null);
    }

    public static SourceReference ofFrontDbRow(long seq) {
        return new SourceReference(null, null, null, seq);
    }
}
