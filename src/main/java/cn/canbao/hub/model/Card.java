package cn.canbao.hub.model;

import java.time.LocalDate;

/** A social-security card (CARD); status 1 normal, 2 reported lost, 3 cancelled. */
public record Card(String cardNo, String issueRegion, String status, LocalDate issueDate) {
}
