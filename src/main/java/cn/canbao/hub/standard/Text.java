package cn.canbao.hub.standard;

/** Trimming and message quoting shared by the checks of this package. */
final class Text {

    /** Longer values are cut in messages: a message goes back to the sender, a whole garbage line does not help. */
    private static final int QUOTED_LENGTH_LIMIT = 40;

    private Text() {
    }

    /** White space as Chinese sources produce it: ASCII blanks and controls, no-break space, ideographic space U+3000. */
    static boolean isBlank(char c) {
        return c <= ' ' || c >= '\u0080' && Character.isSpaceChar(c);
    }

    /** The value without leading and trailing blanks; the same instance when there are none, "" for null. */
    static String trim(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    static boolean isAsciiDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value in single quotes for a message, cut to a readable length. */
    static String quote(String value) {
        if (value.length() <= QUOTED_LENGTH_LIMIT) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, QUOTED_LENGTH_LIMIT) + "…'";
    }
}
