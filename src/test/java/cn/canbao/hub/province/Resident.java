package cn.canbao.hub.province;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One generated person and everything each source system would know about them: the generator writes it into the
 * sources, and {@link Oracle} derives from it what the comparison must find.
 */
record Resident(long index, String idNumber, String legacyNumber, String name, String sex, String ethnicity,
                LocalDate birthDate, Kind kind, Police police, Card card, Student student, Custody custody,
                Assistance assistance, List<Participation> participations, List<Elsewhere> elsewhere,
                String wrongCheckIn, String duplicateIn) {

    enum Kind {
        /** POLICE states them: registered (RYLB 1) in the province, or non-registered (RYLB 2) living in it. */
        RESIDENT,
        /** POLICE states them as registered residents whose household registration is in another province. */
        POLICE_OUTSIDE,
        /** Only a scheme system (and perhaps the card base) knows them. */
        SCHEME_ONLY,
        /** Only the card base knows them. */
        CARD_ONLY
    }

    /** POLICE's record (spec §4.7); {@code deleted}: a DELETE follows the ADD in the same file. */
    record Police(String category, String householdTownship, String residenceTownship, String address,
                  String vitalStatus, LocalDate statusChangedOn, boolean deleted) {
    }

    record Card(String cardNo, String issueRegion, String status, LocalDate issueDate) {
    }

    record Student(String studentNo, String school, String schoolRegion, String stage, YearMonth enrolled) {
    }

    /** JUSTICE's record: 人员状态 1 in custody, 2 released, 3 died in custody. */
    record Custody(String status, LocalDate from, LocalDate until, String facility, String facilityRegion) {
    }

    /**
     * CIVIL's front-database row ({@code I}), and perhaps a later row of the same category: {@code U} ending it the
     * day before D, or {@code D} deleting it.
     */
    record Assistance(String category, String township, LocalDate validFrom, LocalDate validTo, String followUp) {

        /** The validity the latest row states; none after a delete. */
        boolean validAt(LocalDate day) {
            LocalDate to = "U".equals(followUp) ? day.minusDays(1) : validTo;
            return !"D".equals(followUp) && !validFrom.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    /**
     * A participation as its scheme system states it, in a file or — {@code eventType} not null — as one event.
     *
     * @param personStatus AAC008, pension schemes only
     * @param ended        stated in the first delivery, left out of the system's later full snapshot: held, never
     *                     active again (MATERNITY only)
     */
    record Participation(String scheme, String region, String employerId, String employerName, String personStatus,
                         String status, LocalDate startDate, YearMonth lastPaid, String eventType, boolean ended) {

        Participation(String scheme, String region, String employerId, String employerName, String personStatus,
                      String status, LocalDate startDate, YearMonth lastPaid, String eventType) {
            this(scheme, region, employerId, employerName, personStatus, status, startDate, lastPaid, eventType,
                    false);
        }

        String system() {
            return switch (scheme) {
                case "110", "120", "170" -> "PENSION";
                case "310", "390" -> "MEDICAL";
                case "210" -> "UNEMPLOYMENT";
                case "410" -> "INJURY";
                default -> "MATERNITY";
            };
        }
    }

    /** A row of the national simulator's file: the person as insured in another province. */
    record Elsewhere(String province, String scheme, String status) {
    }

    boolean sexMatchesNumber() {
        return (idNumber.charAt(16) - '0') % 2 == (sex.equals("1") ? 1 : 0);
    }
}
