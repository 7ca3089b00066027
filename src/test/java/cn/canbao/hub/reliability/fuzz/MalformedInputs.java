package cn.canbao.hub.reliability.fuzz;

import java.util.List;

/**
 * A run's malformed inputs: for a count and a seed, always the same files, events and rows (about 65 %, 25 % and
 * 10 %). Each kind draws from a generator of its own, so the files of a seed do not change when the events do.
 *
 * @param files  data files with their done files, for the nine file systems in turn
 * @param events JMS messages, for the five scheme systems in turn
 * @param rows   civil front-database rows
 */
public record MalformedInputs(List<MalformedFile> files, List<MalformedEvent> events, List<MalformedRow> rows) {

    /** Seqs of the fuzz rows start here, far from the demo's and other tests'. */
    public static final long FIRST_SEQ = 9_000_000_000L;

    public static MalformedInputs generate(int count, long seed) {
        int files = (int) Math.round(count * 0.65);
        int events = (int) Math.round(count * 0.25);
        int rows = count - files - events;
        return new MalformedInputs(new MalformedFiles(FileSource.all(), seed).next(files),
                new MalformedEvents(seed + 1).next(events), new MalformedRows(seed + 2, FIRST_SEQ).next(rows));
    }

    public int size() {
        return files.size() + events.size() + rows.size();
    }
}
