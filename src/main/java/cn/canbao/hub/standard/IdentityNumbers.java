package cn.canbao.hub.standard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Citizen identity numbers (公民身份号码) after GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd male, even female), ISO 7064 MOD 11-2 check character.
 *
 * <p>The check runs once per record of every source, so it reads the characters in place: no regex, no
 * intermediate strings, and the clock is consulted only for a birth date later than the last "today" seen.
 * Thread-safe.
 */
public final class IdentityNumbers {

    /** Birth dates are calendar dates in China, wherever the hub's JVM runs. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTER_OF_REMAINDER = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String[] CHECKSUM_MESSAGE_OF_REMAINDER = new String[11];

    /** GB 11643: an odd sequence number is given to a man, an even one to a woman. */
    private static final String[] SEX_OF_PARITY = {"2", "1"};

    /** Nobody alive when identity numbers were issued (1984 onwards) was born earlier. */
    private static final int EARLIEST_BIRTH_YEAR = 1800;

    /** The 34 province-level GB/T 2260 prefixes (mainland provinces, Taiwan 71, Hong Kong 81, Macao 82). */
    private static final boolean[] PROVINCE_PREFIX = new boolean[100];

    static {
        for (int remainder = 0; remainder < 11; remainder++) {
            CHECKSUM_MESSAGE_OF_REMAINDER[remainder] =
                    "check character should be " + CHECK_CHARACTER_OF_REMAINDER[remainder];
        }
        int[][] provinceRanges = {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}, {81, 82}};
        for (int[] range : provinceRanges) {
            for (int prefix = range[0]; prefix <= range[1]; prefix++) {
                PROVINCE_PREFIX[prefix] = true;
            }
        }
    }

    /** Declared after the constants its construction reads. */
    private static final IdentityNumbers STANDARD = new IdentityNumbers(Clock.system(CHINA));

    private final Clock clock;

    /**
     * The latest date known to be "today" or earlier, as yyyyMMdd. A birth date up to it is not in the future;
     * only a later one makes the check read the clock again. Racy updates are harmless: every value written is a
     * date the clock has reached.
     */
    private volatile int knownToday;

    /** Judges future birth dates by the calendar date of this clock in its zone; the clock must not go back. */
    public IdentityNumbers(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.knownToday = todayFromClock();
    }

    /** The shared instance, judging future birth dates by the system clock in China Standard Time. */
    public static IdentityNumbers standard() {
        return STANDARD;
    }

    /**
     * Checks a number as a source sent it: surrounding blanks are ignored, a lowercase x is accepted, and a
     * 15-digit legacy number is converted to 18 characters. Never throws; an empty value is FIELD_MISSING.
     */
    public IdNumberCheck check(String raw) {
        if (raw == null) {
            return IdNumberCheck.invalid(ErrorCode.FIELD_MISSING, "identity number is empty");
        }
        int start = 0;
        int end = raw.length();
        while (start < end && Text.isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && Text.isBlank(raw.charAt(end - 1))) {
            end--;
        }
        return switch (end - start) {
            case 0 -> IdNumberCheck.invalid(ErrorCode.FIELD_MISSING, "identity number is empty");
            case 18 -> check18(raw, start, end);
            case 15 -> check15(raw, start);
            default -> IdNumberCheck.invalid(ErrorCode.ID_FORMAT,
                    "identity number has " + (end - start) + " characters, expected 18 (or 15 for a legacy number)");
        };
    }

    /**
     * The check character of the 17 leading digits of an 18-character number.
     *
     * @throws IllegalArgumentException unless given exactly 17 ASCII digits
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 digits, got " + first17.length() + " characters");
        }
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (!Text.isAsciiDigit(c)) {
                throw new IllegalArgumentException("expected 17 digits, found '" + c + "' at position " + (i + 1));
            }
        }
        return CHECK_CHARACTER_OF_REMAINDER[weightedSum(first17) % 11];
    }

    private IdNumberCheck check18(String raw, int start, int end) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = raw.charAt(start + i);
            if (!Text.isAsciiDigit(c)) {
                return nonDigit(i);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        char given = raw.charAt(end - 1);
        boolean lowercaseX = given == 'x';
        if (lowercaseX) {
            given = 'X';
        } else if (given != 'X' && !Text.isAsciiDigit(given)) {
            return IdNumberCheck.invalid(ErrorCode.ID_FORMAT,
                    "identity number has a character other than a digit or X at position 18");
        }
        IdNumberCheck prefixProblem = provinceProblem(raw, start);
        if (prefixProblem != null) {
            return prefixProblem;
        }
        int year = digits(raw, start + 6, 4);
        int month = digits(raw, start + 10, 2);
        int day = digits(raw, start + 12, 2);
        IdNumberCheck dateProblem = birthDateProblem(year, month, day);
        if (dateProblem != null) {
            return dateProblem;
        }
        int remainder = sum % 11;
        if (given != CHECK_CHARACTER_OF_REMAINDER[remainder]) {
            return IdNumberCheck.invalid(ErrorCode.ID_CHECKSUM, CHECKSUM_MESSAGE_OF_REMAINDER[remainder]);
        }
        String idNumber = start == 0 && end == raw.length() && !lowercaseX
                ? raw
                : raw.substring(start, end - 1) + given;
        return IdNumberCheck.valid(idNumber, false, LocalDate.of(year, month, day), sexOfSequenceDigit(raw.charAt(start + 16)));
    }

    private IdNumberCheck check15(String raw, int start) {
        for (int i = 0; i < 15; i++) {
            if (!Text.isAsciiDigit(raw.charAt(start + i))) {
                return nonDigit(i);
            }
        }
        IdNumberCheck prefixProblem = provinceProblem(raw, start);
        if (prefixProblem != null) {
            return prefixProblem;
        }
        int year = 1900 + digits(raw, start + 6, 2);
        int month = digits(raw, start + 8, 2);
        int day = digits(raw, start + 10, 2);
        IdNumberCheck dateProblem = birthDateProblem(year, month, day);
        if (dateProblem != null) {
            return dateProblem;
        }
        StringBuilder upgraded = new StringBuilder(18)
                .append(raw, start, start + 6)
                .append("19")
                .append(raw, start + 6, start + 15);
        upgraded.append(CHECK_CHARACTER_OF_REMAINDER[weightedSum(upgraded) % 11]);
        return IdNumberCheck.valid(upgraded.toString(), true, LocalDate.of(year, month, day),
                sexOfSequenceDigit(raw.charAt(start + 14)));
    }

    private static IdNumberCheck nonDigit(int index) {
        return IdNumberCheck.invalid(ErrorCode.ID_FORMAT, "identity number has a non-digit at position " + (index + 1));
    }

    private static IdNumberCheck provinceProblem(String raw, int start) {
        int prefix = digits(raw, start, 2);
        if (PROVINCE_PREFIX[prefix]) {
            return null;
        }
        return IdNumberCheck.invalid(ErrorCode.ID_PROVINCE,
                "identity number starts with " + raw.substring(start, start + 2) + ", which is no province code");
    }

    private IdNumberCheck birthDateProblem(int year, int month, int day) {
        // only days 29 to 31 need the month's length, which costs a leap-year test
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > Dates.lengthOfMonth(year, month)) {
            return IdNumberCheck.invalid(ErrorCode.ID_BIRTHDATE,
                    "birth date " + yyyyMMdd(year, month, day) + " in the identity number is not a real date");
        }
        if (year < EARLIEST_BIRTH_YEAR) {
            return IdNumberCheck.invalid(ErrorCode.ID_BIRTHDATE,
                    "birth date " + yyyyMMdd(year, month, day) + " in the identity number is before " + EARLIEST_BIRTH_YEAR);
        }
        int birth = year * 10000 + month * 100 + day;
        if (birth > knownToday) {
            knownToday = todayFromClock();
            if (birth > knownToday) {
                return IdNumberCheck.invalid(ErrorCode.ID_BIRTHDATE,
                        "birth date " + yyyyMMdd(year, month, day) + " in the identity number is in the future");
            }
        }
        return null;
    }

    private int todayFromClock() {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(clock.millis()), clock.getZone());
        return today.getYear() * 10000 + today.getMonthValue() * 100 + today.getDayOfMonth();
    }

    /** The ISO 7064 MOD 11-2 weighted sum of the first 17 characters, known to be digits. */
    private static int weightedSum(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum;
    }

    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** Without a branch: parity is random across a file, so a branch would be mispredicted every other number. */
    private static String sexOfSequenceDigit(char lastSequenceDigit) {
        return SEX_OF_PARITY[(lastSequenceDigit - '0') & 1];
    }

    /** The date as written in the number; by hand, as String.format would cost more than the whole check. */
    private static String yyyyMMdd(int year, int month, int day) {
        int date = year * 10000 + month * 100 + day;
        char[] digits = new char[8];
        for (int i = 7; i >= 0; i--) {
            digits[i] = (char) ('0' + date % 10);
            date /= 10;
        }
        return new String(digits);
    }
}
