package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.console.SurveyResult;
import cn.canbao.hub.reliability.crash.Delivery.SurveyPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Survey results (spec §6) the survey app posts, each with a resultId of its own. */
final class WorkloadSurveys {

    private static final int RESULTS = 6;

    private WorkloadSurveys() {
    }

    static List<SurveyPost> results(Random random) {
        List<SurveyPost> posts = new ArrayList<>();
        SurveyResult.Outcome[] outcomes = SurveyResult.Outcome.values();
        SurveyResult.Reason[] reasons = SurveyResult.Reason.values();
        for (int i = 0; i < RESULTS; i++) {
            String resultId = new UUID(random.nextLong(), random.nextLong()).toString();
            posts.add(new SurveyPost(resultId, """
                    {"resultId": "%s", "idNumber": "%s", "surveyorId": "S-630121-%02d",
                     "surveyedAt": "2017-11-02T10:%02d:00+08:00", "outcome": "%s", "reason": "%s",
                     "intendedSchemes": ["390"], "phone": "1390971%04d"}
                    """.formatted(resultId, WorkloadIds.valid(random), i, i, outcomes[random.nextInt(outcomes.length)],
                    reasons[random.nextInt(reasons.length)], random.nextInt(10_000))));
        }
        return List.copyOf(posts);
    }
}
