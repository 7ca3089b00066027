package cn.canbao.hub.reliability.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One generated POST of a survey result and what spec §6 and docs/survey.md say the hub answers it with.
 *
 * @param mutation    what was done to a valid result, e.g. {@code wrong-type-outcome=42}
 * @param asProvince  posted by the built-in {@code surveyor} account (the whole province) instead of the county's client
 * @param contentType the Content-Type header, or null for none
 * @param resultId    the resultId the body carries as a string, or null when it has none
 * @param expected    the answer it must get
 * @param stored      for a result that must be taken: its identity number and outcome as they must be stored
 */
record SurveyPost(String mutation, boolean asProvince, String contentType, byte[] body, String resultId,
                  Expected expected, Stored stored) {

    /**
     * An answer: the HTTP status and, for a 400 or 409, the error's code and field ({@code field} null: the error is
     * about the body as a whole).
     */
    record Expected(int status, String code, String field) {

        static final Expected ACCEPTED = new Expected(201, null, null);
        static final Expected DUPLICATE = new Expected(200, null, null);
        static final Expected FORBIDDEN = new Expected(403, null, null);
        static final Expected UNSUPPORTED_MEDIA_TYPE = new Expected(415, null, null);

        static Expected rejected(String code, String field) {
            return new Expected(400, code, field);
        }

        static Expected conflict(String field) {
            return new Expected(409, "RESULT_ID_CONFLICT", field);
        }

        @Override
        public String toString() {
            return status + (code == null ? "" : " " + code + (field == null ? "" : "@" + field));
        }
    }

    /** What the survey_result row of a taken result holds. */
    record Stored(String idNumber, String outcome, Instant surveyedAt) {
    }

    /** The body as text for a report; bytes that are not UTF-8 are shown as replacement characters. */
    String excerpt() {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + body.length + " bytes)";
    }
}
