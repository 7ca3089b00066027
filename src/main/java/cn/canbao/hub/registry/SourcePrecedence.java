package cn.canbao.hub.registry;

import java.util.List;

/**
 * Which source's word counts for a person's identity fields (name, sex, ethnicity, birth date): public security
 * first (identity and household registration are its business), then the card base the registry starts from,
 * then the scheme systems, then the other departments. Household registration, residence, vital status and
 * address come from POLICE alone; participations come only from the scheme system that runs the scheme.
 */
public final class SourcePrecedence {

    public static final List<String> IDENTITY = List.of(
            "POLICE", "CARD", "PENSION", "MEDICAL", "UNEMPLOYMENT", "INJURY", "MATERNITY",
            "EDUCATION", "CIVIL", "JUSTICE", "NATIONAL", "SURVEY");

    private SourcePrecedence() {
    }

    /** The list as one SQL parameter, read with {@code string_to_array(?, ',')}. */
    static String asSqlList() {
        return String.join(",", IDENTITY);
    }
}
