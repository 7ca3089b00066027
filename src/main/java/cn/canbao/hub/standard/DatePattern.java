package cn.canbao.hub.standard;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The date and month layouts the source formats use, named by the pattern a connector descriptor writes. */
public enum DatePattern {
    YYYYMMDD("yyyyMMdd", true),
    ISO_DATE("yyyy-MM-dd", true),
    /** Spreadsheet style: month and day with one or two digits, e.g. 2015/3/1. */
    SLASH_YMD("yyyy/M/d", true),
    YYYYMM("yyyyMM", false),
    ISO_MONTH("yyyy-MM", false);

    private final String pattern;
    private final boolean hasDay;

    DatePattern(String pattern, boolean hasDay) {
        this.pattern = pattern;
        this.hasDay = hasDay;
    }

    /**
     * The layout a descriptor names, e.g. {@code yyyyMMdd}.
     *
     * @throws IllegalArgumentException for a pattern the hub does not know: a configuration error
     */
    public static DatePattern ofPattern(String pattern) {
        for (DatePattern candidate : values()) {
            if (candidate.pattern.equals(pattern)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown date pattern '" + pattern + "', expected one of "
                + Arrays.stream(values()).map(DatePattern::pattern).collect(Collectors.joining(", ")));
    }

    public String pattern() {
        return pattern;
    }

    /** True for a date pattern, false for a month pattern. */
    public boolean hasDay() {
        return hasDay;
    }
}
