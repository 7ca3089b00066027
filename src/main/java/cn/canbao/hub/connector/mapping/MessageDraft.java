package cn.canbao.hub.connector.mapping;

import static cn.canbao.hub.connector.mapping.Target.*;

import cn.canbao.hub.model.Assistance;
import cn.canbao.hub.model.Card;
import cn.canbao.hub.model.Custody;
import cn.canbao.hub.model.Envelope;
import cn.canbao.hub.model.Facts;
import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.model.Participation;
import cn.canbao.hub.model.Person;
import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.model.Student;
import cn.canbao.hub.standard.IdNumberCheck;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The canonical values of one record while it is being mapped; becomes the immutable message at the end. */
final class MessageDraft {

    private final Object[] values = new Object[Target.values().length];
    IdNumberOrigin idNumberOrigin = IdNumberOrigin.ABSENT;
    IdNumberCheck idCheck;
    String idNumberAsGiven;
    String nameAsGiven;

    void set(Target target, Object value) {
        values[target.ordinal()] = value;
    }

    Object get(Target target) {
        return values[target.ordinal()];
    }

    String text(Target target) {
        return (String) values[target.ordinal()];
    }

    private LocalDate date(Target target) {
        return (LocalDate) values[target.ordinal()];
    }

    private YearMonth month(Target target) {
        return (YearMonth) values[target.ordinal()];
    }

    private boolean anySet(Target first, Target last) {
        for (int i = first.ordinal(); i <= last.ordinal(); i++) {
            if (values[i] != null) {
                return true;
            }
        }
        return false;
    }

    PersonInsuranceMessage toMessage(Envelope envelope, List<Remark> warnings) {
        // the as-given forms are written only where they differ from the canonical ones (canonical-message.md)
        Person person = new Person(text(PERSON_ID_NUMBER), idNumberOrigin,
                differing(idNumberAsGiven, text(PERSON_ID_NUMBER)), text(PERSON_NAME),
                differing(nameAsGiven, text(PERSON_NAME)), text(PERSON_SEX), text(PERSON_ETHNICITY), date(PERSON_BIRTH_DATE),
                text(PERSON_POPULATION_CATEGORY), text(PERSON_HOUSEHOLD_REGION), text(PERSON_RESIDENCE_REGION),
                text(PERSON_VITAL_STATUS), text(PERSON_ADDRESS), date(PERSON_STATUS_CHANGED_ON));
        List<Participation> participations = anySet(PARTICIPATION_SCHEME, PARTICIPATION_LAST_PAID_MONTH)
                ? List.of(new Participation(text(PARTICIPATION_SCHEME), text(PARTICIPATION_INSURED_REGION),
                        text(PARTICIPATION_EMPLOYER_ID), text(PARTICIPATION_EMPLOYER_NAME),
                        text(PARTICIPATION_CONTRIBUTION_STATUS), text(PARTICIPATION_PERSON_STATUS),
                        date(PARTICIPATION_START_DATE), date(PARTICIPATION_END_DATE),
                        month(PARTICIPATION_LAST_PAID_MONTH)))
                : List.of();
        Student student = anySet(STUDENT_NO, STUDENT_HOUSEHOLD_REGION)
                ? new Student(text(STUDENT_NO), text(STUDENT_SCHOOL), text(STUDENT_SCHOOL_REGION), text(STUDENT_STAGE),
                        month(STUDENT_ENROLLED_MONTH), text(STUDENT_HOUSEHOLD_REGION))
                : null;
        Custody custody = anySet(CUSTODY_FROM, CUSTODY_STATUS)
                ? new Custody(date(CUSTODY_FROM), date(CUSTODY_UNTIL), text(CUSTODY_FACILITY),
                        text(CUSTODY_FACILITY_REGION), text(CUSTODY_STATUS))
                : null;
        Assistance assistance = anySet(ASSISTANCE_CATEGORY, ASSISTANCE_VALID_TO)
                ? new Assistance(text(ASSISTANCE_CATEGORY), text(ASSISTANCE_REGION), date(ASSISTANCE_VALID_FROM),
                        date(ASSISTANCE_VALID_TO))
                : null;
        Card card = anySet(CARD_NO, CARD_ISSUE_DATE)
                ? new Card(text(CARD_NO), text(CARD_ISSUE_REGION), text(CARD_STATUS), date(CARD_ISSUE_DATE))
                : null;
        Facts facts = student == null && custody == null && assistance == null && card == null
                ? null : new Facts(student, custody, assistance, card);
        return new PersonInsuranceMessage(envelope, person, participations, facts, warnings);
    }

    private static String differing(String asGiven, String canonical) {
        return asGiven == null || asGiven.equals(canonical) ? null : asGiven;
    }
}
