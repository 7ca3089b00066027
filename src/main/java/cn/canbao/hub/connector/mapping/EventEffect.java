package cn.canbao.hub.connector.mapping;

import static cn.canbao.hub.connector.mapping.Target.PARTICIPATION_CONTRIBUTION_STATUS;
import static cn.canbao.hub.connector.mapping.Target.PARTICIPATION_END_DATE;
import static cn.canbao.hub.connector.mapping.Target.PARTICIPATION_LAST_PAID_MONTH;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a participation event's type does to the participation its record states (spec §5; the table in
 * docs/INTERFACE-SPEC.md, "Events (§5)"). The record is the participation as it stands after the event, so the
 * type fills in what the record leaves empty and never overrides what it states; a record whose contribution status
 * contradicts its type is rejected (EVENT_TYPE_CONFLICT), since the hub cannot tell which of the two the scheme
 * system meant. The registry then takes the event like any statement of the participation (the latest per system
 * and source key, by occurredAt).
 */
enum EventEffect {

    /** 参保登记: the participation as stated, contributing when the record does not say. */
    ENROLL("1", false, false, false),
    /** 暂停缴费. */
    SUSPEND("2", true, false, false),
    /** 恢复缴费. */
    RESUME("1", true, false, false),
    /** 终止参保: ended in the province, on the event's date when the record gives no end date. */
    TERMINATE("3", true, true, false),
    /** 转出: a transfer to another province, which ends the participation here as TERMINATE does. */
    TRANSFER_OUT("3", true, true, false),
    /** 缴费: contributing, paid up to the record's last paid month, or the event's month when it gives none. */
    PAYMENT("1", true, false, true);

    private final String contributionStatus;
    private final boolean statusFixed;
    private final boolean ends;
    private final boolean pays;

    EventEffect(String contributionStatus, boolean statusFixed, boolean ends, boolean pays) {
        this.contributionStatus = contributionStatus;
        this.statusFixed = statusFixed;
        this.ends = ends;
        this.pays = pays;
    }

    /** The effect of an event type; null for a record that is no event. */
    static EventEffect of(String eventType) {
        return eventType == null ? null : valueOf(eventType);
    }

    /** Whether the type gives the field a value when the record leaves it empty, so that it need not be sent. */
    boolean supplies(Target target) {
        return target == PARTICIPATION_CONTRIBUTION_STATUS || ends && target == PARTICIPATION_END_DATE
                || pays && target == PARTICIPATION_LAST_PAID_MONTH;
    }

    /**
     * Fills in what the type says and the record leaves empty.
     *
     * @param occurredOn the date of the event's occurredAt
     * @return why the record contradicts the type, or null when it does not
     */
    String applyTo(MessageDraft draft, LocalDate occurredOn) {
        String stated = draft.text(PARTICIPATION_CONTRIBUTION_STATUS);
        if (stated == null) {
            draft.set(PARTICIPATION_CONTRIBUTION_STATUS, contributionStatus);
        } else if (statusFixed && !stated.equals(contributionStatus)) {
            return "a " + name() + " event means contribution status " + contributionStatus + ", the record states "
                    + stated;
        }
        if (ends && draft.get(PARTICIPATION_END_DATE) == null) {
            draft.set(PARTICIPATION_END_DATE, occurredOn);
        }
        if (pays && draft.get(PARTICIPATION_LAST_PAID_MONTH) == null) {
            draft.set(PARTICIPATION_LAST_PAID_MONTH, YearMonth.from(occurredOn));
        }
        return null;
    }
}
