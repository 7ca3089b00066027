package cn.canbao.hub.standard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Region codes as sources send them (GB/T 2260, 6 or 9 digits), the rule for every field that holds a region.
 * A code of the province itself must be a division of its lists, the 2023 or the 2017 edition ({@link Regions}).
 * A code of another province — the household registration of a non-registered resident (RYLB 2), say — is
 * checked against the national divisions of 2023, which list provinces, prefectures and counties but no
 * townships: its province must exist; a 9-digit township code is checked through its county, its first 6
 * digits; a county or prefecture the list does not know (renamed or merged since, or a typing error the hub
 * cannot tell from one) passes with the warning REGION_UNVERIFIED, since the hub cannot know every other
 * province's divisions of every year as it knows its own.
 */
public final class RegionCodes {

    private static final String NATIONAL_DIVISIONS = "china_divisions_2023.csv";

    private final Regions province;
    private final String provincePrefix;
    /** Province codes of the national list (110000 …) with their names. */
    private final Map<String, String> provinces = new HashMap<>();
    /** Prefecture and county codes of the national list. */
    private final Set<String> belowProvince = new HashSet<>();

    /**
     * @param province       the province's own division lists
     * @param provincePrefix the 2-digit prefix of the province's region codes (configuration); it must be the
     *                       province of the division lists
     */
    public RegionCodes(Regions province, String provincePrefix) {
        if (provincePrefix == null || provincePrefix.length() != 2 || !Text.isAsciiDigits(provincePrefix)
                || province.find(provincePrefix + "0000").isEmpty()) {
            throw new IllegalArgumentException("the province's region prefix '" + provincePrefix
                    + "' is not the province of the division lists (reference/qinghai_divisions.csv)");
        }
        this.province = province;
        this.provincePrefix = provincePrefix;
        for (CSVRecord row : ReferenceCsv.rows(NATIONAL_DIVISIONS)) {
            if ("province".equals(row.get("level"))) {
                provinces.put(row.get("code"), row.get("name"));
            } else {
                belowProvince.add(row.get("code"));
            }
        }
    }

    /**
     * The code without its blanks, or why it is none: empty is FIELD_MISSING; a value of another length or with
     * other characters, a code of the province that its lists do not hold, and a code of a province that does not
     * exist are CODE_UNKNOWN; a county of another province that the national list does not hold passes with
     * REGION_UNVERIFIED.
     */
    public Check<String> check(String raw) {
        String value = Text.trim(raw);
        if (value.isEmpty()) {
            return Check.fail(ErrorCode.FIELD_MISSING, "region is empty");
        }
        if (value.length() != 6 && value.length() != 9 || !Text.isAsciiDigits(value)) {
            return Check.fail(ErrorCode.CODE_UNKNOWN,
                    Text.quote(value) + " is not a code of table region: expected 6 or 9 digits");
        }
        if (value.startsWith(provincePrefix)) {
            return province.find(value).isPresent() ? Check.ok(value) : Check.fail(ErrorCode.CODE_UNKNOWN,
                    Text.quote(value) + " is not a code of table region (divisions of 2017 and 2023)");
        }
        String provinceCode = value.substring(0, 2) + "0000";
        String provinceName = provinces.get(provinceCode);
        if (provinceName == null) {
            return Check.fail(ErrorCode.CODE_UNKNOWN, Text.quote(value)
                    + " is not a code of table region: no province " + provinceCode + " in the national divisions");
        }
        String county = value.substring(0, 6);
        if (belowProvince.contains(county) || value.equals(provinceCode)) {
            return Check.ok(value);
        }
        return Check.okWithWarning(value, ErrorCode.REGION_UNVERIFIED, (value.length() == 9 ? "county " + county
                + " of township " + value : value) + " is not in the national divisions of 2023 (renamed or merged"
                + " since?); kept as sent, in province " + provinceCode + " " + provinceName);
    }

    /** Whether a 6-digit code is a division of the province itself (its lists of 2017 or 2023), the province too. */
    public boolean isOfProvince(String code) {
        return code.length() == 6 && code.startsWith(provincePrefix) && province.find(code).isPresent();
    }

    /** The province's own code, e.g. 630000. */
    public String provinceCode() {
        return provincePrefix + "0000";
    }
}
