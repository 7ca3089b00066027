package cn.canbao.hub.reliability.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's malformed inputs, made in rounds so that only one round's files and messages are in memory at a time:
 * for a seed, always the same files, events and rows (about 65 %, 25 % and 10 % of each round), and the canaries
 * to send after them, a good input of every kind. Each kind draws from a generator of its own, so the files of a
 * seed do not change when the events do.
 */
public final class MalformedInputs {

    /** Seqs of the fuzz rows start here, far from the demo's and other tests'. */
    public static final long FIRST_SEQ = 9_000_000_000L;

    private final List<FileSource> sources = FileSource.all();
    private final MalformedFiles files;
    private final MalformedEvents events;
    private final MalformedRows rows;

    public MalformedInputs(long seed) {
        files = new MalformedFiles(sources, seed);
        events = new MalformedEvents(seed + 1);
        rows = new MalformedRows(seed + 2, FIRST_SEQ);
    }

    /**
     * The next round of inputs.
     *
     * @param files  data files with their done files, for the nine file systems in turn
     * @param events JMS messages, for the five scheme systems in turn
     * @param rows   civil front-database rows
     */
    public record Round(List<MalformedFile> files, List<MalformedEvent> events, List<MalformedRow> rows) {

        public List<FuzzInput> all() {
            List<FuzzInput> all = new ArrayList<>(files);
            all.addAll(events);
            all.addAll(rows);
            return all;
        }
    }

    public Round next(int count) {
        int fileCount = (int) Math.round(count * 0.65);
        int eventCount = (int) Math.round(count * 0.25);
        return new Round(files.next(fileCount), events.next(eventCount), rows.next(count - fileCount - eventCount));
    }

    /** A valid fixture file for each file system, a valid event for each scheme system, a valid row. */
    public Round canaries() {
        return new Round(sources.stream().map(files::canary).toList(),
                MalformedEvents.SYSTEMS.stream().map(events::canary).toList(), List.of(rows.valid()));
    }
}
