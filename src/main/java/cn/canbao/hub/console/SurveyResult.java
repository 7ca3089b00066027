package cn.canbao.hub.console;

import java.time.OffsetDateTime;
import java.util.List;

/** One survey team's finding about one person (spec §6), as the survey app posts it. */
public record SurveyResult(String resultId, String idNumber, String surveyorId, OffsetDateTime surveyedAt,
                           String outcome, String reason, List<String> intendedSchemes, String phone) {

    public enum Outcome {
        FOUND_UNINSURED, FOUND_INSURED_ELSEWHERE, ENROLLED_ON_SITE, NOT_FOUND, DECEASED, MOVED_AWAY, REFUSED
    }

    public enum Reason {
        FLEXIBLE_EMPLOYMENT, WORKING_OUTSIDE_PROVINCE, FINANCIAL_HARDSHIP, UNAWARE_OF_POLICY, UNWILLING, OTHER
    }
}
