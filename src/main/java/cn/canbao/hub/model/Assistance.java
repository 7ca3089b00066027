package cn.canbao.hub.model;

import java.time.LocalDate;

/** A key medical-assistance recipient (CIVIL). */
public record Assistance(String category, String region, LocalDate validFrom, LocalDate validTo) {
}
