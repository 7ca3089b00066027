package cn.canbao.hub.model;

import java.util.List;

/**
 * The canonical person-insurance message (schema v1): what one source said about one person in one record.
 * Every source format is normalised into this shape; it becomes JSON where it crosses a boundary.
 */
public record PersonInsuranceMessage(
        Envelope envelope,
        Person person,
        List<Participation> participations,
        Facts facts,
        List<Remark> warnings) {

    public static final String SCHEMA_VERSION = "1";

    public PersonInsuranceMessage {
        participations = participations == null ? List.of() : List.copyOf(participations);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
