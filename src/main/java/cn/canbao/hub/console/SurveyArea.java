package cn.canbao.hub.console;

import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * The regions a caller of the survey endpoints may read rosters of and post results about: a survey client's
 * counties (6 digits, with their townships) and townships (9 digits), or the whole province for the hub's own API
 * users (the operator, and the built-in {@code surveyor} of the provincial survey app).
 */
final class SurveyArea {

    private static final SurveyArea WHOLE_PROVINCE = new SurveyArea(null);

    /** Null for the whole province. */
    private final List<String> regions;

    private SurveyArea(List<String> regions) {
        this.regions = regions;
    }

    static SurveyArea of(List<String> regions) {
        return new SurveyArea(List.copyOf(regions));
    }

    static SurveyArea wholeProvince() {
        return WHOLE_PROVINCE;
    }

    /** The area of an authenticated caller: a survey client's regions, the whole province for an API user. */
    static SurveyArea of(Authentication caller) {
        return caller.getPrincipal() instanceof SurveyClientUser client ? of(client.regions()) : WHOLE_PROVINCE;
    }

    /** A roster's region (county or township) lies inside the area: a township of a county the area holds counts. */
    boolean covers(String region) {
        return regions == null || regions.stream().anyMatch(allowed -> region.equals(allowed)
                || allowed.length() == 6 && region.length() == 9 && region.startsWith(allowed));
    }

    /**
     * A person placed in {@code county} (and {@code township}, null when only the county is known) lies inside the
     * area: the area holds the county, or the township.
     */
    boolean coversPerson(String county, String township) {
        return covers(county) || township != null && covers(township);
    }
}
