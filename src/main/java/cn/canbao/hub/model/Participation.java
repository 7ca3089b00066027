package cn.canbao.hub.model;

import java.time.LocalDate;
import java.time.YearMonth;

/** One scheme participation as a scheme system states it (AAE140 scheme, AAC031 contribution, AAC008 person status). */
public record Participation(
        String scheme,
        String insuredRegion,
        String employerId,
        String employerName,
        String contributionStatus,
        String personStatus,
        LocalDate startDate,
        LocalDate endDate,
        YearMonth lastPaidMonth) {
}
