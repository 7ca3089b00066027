package cn.canbao.hub.reliability.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's malformed inputs: for a count and a seed, always the same files, events and rows (about 65 %, 25 % and
 * 10 %), and the canaries to send after them: a good input of every kind. Each kind draws from a generator of its
 * own, so the files of a seed do not change when the events do.
 *
 * @param files    data files with their done files, for the nine file systems in turn
 * @param events   JMS messages, for the five scheme systems in turn
 * @param rows     civil front-database rows
 * @param canaries a valid fixture file for each file system, a valid event for each scheme system, a valid row
 */
public record MalformedInputs(List<MalformedFile> files, List<MalformedEvent> events, List<MalformedRow> rows,
                              List<FuzzInput> canaries) {

    /** Seqs of the fuzz rows start here, far from the demo's and other tests'. */
    public static final long FIRST_SEQ = 9_000_000_000L;

    public static MalformedInputs generate(int count, long seed) {
        int fileCount = (int) Math.round(count * 0.65);
        int eventCount = (int) Math.round(count * 0.25);
        List<FileSource> sources = FileSource.all();
        MalformedFiles files = new MalformedFiles(sources, seed);
        MalformedEvents events = new MalformedEvents(seed + 1);
        MalformedRows rows = new MalformedRows(seed + 2, FIRST_SEQ);
        MalformedInputs inputs = new MalformedInputs(files.next(fileCount), events.next(eventCount),
                rows.next(count - fileCount - eventCount), new ArrayList<>());
        sources.forEach(source -> inputs.canaries.add(files.canary(source)));
        MalformedEvents.SYSTEMS.forEach(system -> inputs.canaries.add(events.canary(system)));
        inputs.canaries.add(rows.valid());
        return inputs;
    }

    public int size() {
        return files.size() + events.size() + rows.size();
    }
}
