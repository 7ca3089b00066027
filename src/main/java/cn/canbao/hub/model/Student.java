package cn.canbao.hub.model;

import java.time.YearMonth;

/** A student at school (EDUCATION). */
public record Student(
        String studentNo,
        String school,
        String schoolRegion,
        String stage,
        YearMonth enrolledMonth,
        String householdRegion) {
}
