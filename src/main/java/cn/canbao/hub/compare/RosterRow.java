package cn.canbao.hub.compare;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One person of a survey roster (spec §7.1) as both the CSV file and the survey app's JSON show it.
 *
 * @param sequence       序号, 1-based within the roster
 * @param sex            性别 as text (男, 女, 未知, 未说明)
 * @param township       乡镇街道 code, null when the population record holds only a county
 * @param townshipName   its name in the division list, or the code where the list does not know it
 * @param category       UNINSURED, LAPSED or PARTIAL
 * @param categoryText   类别 (未参保, 断保, 未参齐险种)
 * @param missingSchemes 缺少险种, ascending
 * @param explanation    原因说明
 * @param latestSurvey   the latest survey result about the person (survey app only: the CSV file has no such
 *                       column), null when there is none or the reader did not ask for it
 */
public record RosterRow(long sequence, String idNumber, String name, String sex, Integer age, String address,
                        String township, String townshipName, String category, String categoryText,
                        List<String> missingSchemes, String explanation, LatestSurvey latestSurvey) {

    /** What a survey team found last: the outcome (spec §6) and when it surveyed the person. */
    public record LatestSurvey(String outcome, OffsetDateTime surveyedAt) {
    }
}
