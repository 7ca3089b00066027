package cn.canbao.hub.standard;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Strict parsing of source dates and months: a value parses only if it has exactly the pattern's layout and
 * names a real day (no 30 February, no month 13, no year 0000). Digits are read by hand because this runs for
 * several fields of every record and a failed DateTimeFormatter parse costs an exception.
 */
public final class Dates {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Dates() {
    }

    /**
     * A date in a day pattern. Blanks around the value are ignored; an empty value is FIELD_MISSING.
     *
     * @throws IllegalArgumentException when given a month pattern: a programming error
     */
    public static Check<LocalDate> date(String raw, DatePattern pattern) {
        if (!pattern.hasDay()) {
            throw new IllegalArgumentException(pattern.pattern() + " is a month pattern; use Dates.month");
        }
        String value = Text.trim(raw);
        if (value.isEmpty()) {
            return Check.fail(ErrorCode.FIELD_MISSING, "date is empty");
        }
        int[] ymd = pattern == DatePattern.SLASH_YMD ? slashLayout(value) : fixedLayout(value, pattern.pattern());
        if (ymd == null || !isRealDate(ymd[0], ymd[1], ymd[2])) {
            return Check.fail(ErrorCode.DATE_FORMAT, Text.quote(value) + " is not a real date in pattern " + pattern.pattern());
        }
        return Check.ok(LocalDate.of(ymd[0], ymd[1], ymd[2]));
    }

    /**
     * A month in a month pattern. Blanks around the value are ignored; an empty value is FIELD_MISSING.
     *
     * @throws IllegalArgumentException when given a day pattern: a programming error
     */
    public static Check<YearMonth> month(String raw, DatePattern pattern) {
        if (pattern.hasDay()) {
            throw new IllegalArgumentException(pattern.pattern() + " is a date pattern; use Dates.date");
        }
        String value = Text.trim(raw);
        if (value.isEmpty()) {
            return Check.fail(ErrorCode.FIELD_MISSING, "month is empty");
        }
        int[] ym = fixedLayout(value, pattern.pattern());
        if (ym == null || !isRealDate(ym[0], ym[1], 1)) {
            return Check.fail(ErrorCode.DATE_FORMAT, Text.quote(value) + " is not a real month in pattern " + pattern.pattern());
        }
        return Check.ok(YearMonth.of(ym[0], ym[1]));
    }

    static int lengthOfMonth(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    private static boolean isRealDate(int year, int month, int day) {
        return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month);
    }

    /**
     * Year, month and day (1 for a month pattern) of a value laid out exactly like a fixed-width pattern, where
     * each pattern letter stands for one digit and anything else for itself; null when the layout differs.
     */
    private static int[] fixedLayout(String value, String pattern) {
        if (value.length() != pattern.length()) {
            return null;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char expected = pattern.charAt(i);
            char c = value.charAt(i);
            if (Character.isLetter(expected) ? !Text.isAsciiDigit(c) : c != expected) {
                return null;
            }
        }
        int yearAt = pattern.indexOf('y');
        int monthAt = pattern.indexOf('M');
        int dayAt = pattern.indexOf('d');
        int day = dayAt < 0 ? 1 : number(value, dayAt, dayAt + 2);
        return new int[] {number(value, yearAt, yearAt + 4), number(value, monthAt, monthAt + 2), day};
    }

    /** yyyy/M/d: four-digit year, then month and day of one or two digits each. */
    private static int[] slashLayout(String value) {
        int firstSlash = value.indexOf('/');
        int secondSlash = value.indexOf('/', firstSlash + 1);
        if (firstSlash != 4 || secondSlash < 0) {
            return null;
        }
        int monthDigits = secondSlash - firstSlash - 1;
        int dayDigits = value.length() - secondSlash - 1;
        if (monthDigits < 1 || monthDigits > 2 || dayDigits < 1 || dayDigits > 2
                || !allDigits(value, 0, 4) || !allDigits(value, firstSlash + 1, secondSlash)
                || !allDigits(value, secondSlash + 1, value.length())) {
            return null;
        }
        return new int[] {number(value, 0, 4), number(value, firstSlash + 1, secondSlash),
                number(value, secondSlash + 1, value.length())};
    }

    private static boolean allDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Text.isAsciiDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int number(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + (value.charAt(i) - '0');
        }
        return number;
    }
}
