package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Delivery.DataFile;
import cn.canbao.hub.reliability.crash.Delivery.Event;
import cn.canbao.hub.reliability.crash.Delivery.FrontDbRow;
import cn.canbao.hub.reliability.crash.Delivery.SurveyPost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What the partners deliver in a run of the harness, the same for the reference run and every trial: data files of
 * every format, events of the five scheme systems, civil-affairs front-database rows and survey results — valid
 * ones and some that the hub rejects (records, whole files, events, rows), so quarantine is part of every run.
 */
record Workload(List<DataFile> files, List<Event> events, List<FrontDbRow> rows, List<SurveyPost> surveys) {

    static Workload generate(long seed) {
        Random random = new Random(seed);
        return new Workload(WorkloadFiles.fromFixtures(), WorkloadEvents.fromFixtures(random),
                WorkloadRows.civilAffairs(random), WorkloadSurveys.results(random));
    }

    List<Delivery> deliveries() {
        return Stream.of(files, events, rows, surveys).<Delivery>flatMap(List::stream).toList();
    }

    /** Every delivery, in the order the partners send them: mixed, the same for every run of one seed. */
    List<Delivery> sendingOrder(long seed) {
        List<Delivery> all = new ArrayList<>(deliveries());
        Collections.shuffle(all, new Random(seed));
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return files.size() + " files, " + events.size() + " events, " + rows.size() + " front-db rows, "
                + surveys.size() + " survey results";
    }
}
