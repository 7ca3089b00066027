package cn.canbao.hub.connector.mapping;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every canonical field a descriptor can fill, by its path in the canonical message. */
public enum Target {
    PERSON_ID_NUMBER("person.idNumber"),
    PERSON_NAME("person.name"),
    PERSON_SEX("person.sex"),
    PERSON_ETHNICITY("person.ethnicity"),
    PERSON_BIRTH_DATE("person.birthDate"),
    PERSON_POPULATION_CATEGORY("person.populationCategory"),
    PERSON_HOUSEHOLD_REGION("person.householdRegion"),
    PERSON_RESIDENCE_REGION("person.residenceRegion"),
    PERSON_VITAL_STATUS("person.vitalStatus"),
    PERSON_ADDRESS("person.address"),
    PERSON_STATUS_CHANGED_ON("person.statusChangedOn"),
    PARTICIPATION_SCHEME("participation.scheme"),
    PARTICIPATION_INSURED_REGION("participation.insuredRegion"),
    PARTICIPATION_EMPLOYER_ID("participation.employerId"),
    PARTICIPATION_EMPLOYER_NAME("participation.employerName"),
    PARTICIPATION_CONTRIBUTION_STATUS("participation.contributionStatus"),
    PARTICIPATION_PERSON_STATUS("participation.personStatus"),
    PARTICIPATION_START_DATE("participation.startDate"),
    PARTICIPATION_END_DATE("participation.endDate"),
    PARTICIPATION_LAST_PAID_MONTH("participation.lastPaidMonth"),
    STUDENT_NO("facts.student.studentNo"),
    STUDENT_SCHOOL("facts.student.school"),
    STUDENT_SCHOOL_REGION("facts.student.schoolRegion"),
    STUDENT_STAGE("facts.student.stage"),
    STUDENT_ENROLLED_MONTH("facts.student.enrolledMonth"),
    STUDENT_HOUSEHOLD_REGION("facts.student.householdRegion"),
    CUSTODY_FROM("facts.custody.from"),
    CUSTODY_UNTIL("facts.custody.until"),
    CUSTODY_FACILITY("facts.custody.facility"),
    CUSTODY_FACILITY_REGION("facts.custody.facilityRegion"),
    CUSTODY_STATUS("facts.custody.status"),
    ASSISTANCE_CATEGORY("facts.assistance.category"),
    ASSISTANCE_REGION("facts.assistance.region"),
    ASSISTANCE_VALID_FROM("facts.assistance.validFrom"),
    ASSISTANCE_VALID_TO("facts.assistance.validTo"),
    CARD_NO("facts.card.cardNo"),
    CARD_ISSUE_REGION("facts.card.issueRegion"),
    CARD_STATUS("facts.card.status"),
    CARD_ISSUE_DATE("facts.card.issueDate");

    private static final Map<String, Target> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Target::path, Function.identity()));

    private final String path;

    Target(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<Target> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }
}
