package cn.canbao.hub.model;

import java.time.LocalDate;

/** A person serving a sentence or in custody (JUSTICE); status 1 in custody, 2 released, 3 died in custody. */
public record Custody(LocalDate from, LocalDate until, String facility, String facilityRegion, String status) {
}
