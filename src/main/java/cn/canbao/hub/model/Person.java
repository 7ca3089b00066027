package cn.canbao.hub.model;

import java.time.LocalDate;

/**
 * The person as the source states them. Codes are the canonical code-table values (sex GB/T 2261.1,
 * ethnicity GB 3304, population category RYLB, vital status RYZT); regions are GB/T 2260 codes, 9 digits
 * for townships where the source knows them.
 */
public record Person(
        String idNumber,
        IdNumberOrigin idNumberOrigin,
        String idNumberAsGiven,
        String name,
        String nameAsGiven,
        String sex,
        String ethnicity,
        LocalDate birthDate,
        String populationCategory,
        String householdRegion,
        String residenceRegion,
        String vitalStatus,
        String address,
        LocalDate statusChangedOn) {
}
