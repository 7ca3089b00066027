package cn.canbao.hub.standard;

import java.text.Normalizer;

/**
 * Names in one form across sources, so 阿卜杜拉·买买提 from one system equals 阿卜杜拉．买买提 from another.
 * Only the writing is unified (white space, character width, Unicode composition, the separator of minority
 * and foreign names); letters are never changed, so two different names never become equal.
 */
public final class Names {

    /** The separator of given name and family name in minority and foreign names (GB/T 28039 uses U+00B7). */
    private static final char SEPARATOR = '·';

    private Names() {
    }

    /**
     * Trims, collapses inner white space (including U+3000) to one space, turns full-width ASCII into half-width,
     * composes to NFC, and writes every separator variant as {@code ·} with no space or repetition around it.
     * A null or blank name gives "" (whether that is FIELD_MISSING is the caller's decision).
     */
    public static NormalisedName normalise(String raw) {
        if (raw == null) {
            return new NormalisedName("", null);
        }
        if (isAlreadyNormal(raw)) {
            return new NormalisedName(raw, raw);
        }
        String composed = Normalizer.normalize(unifyCharacters(raw), Normalizer.Form.NFC);
        return new NormalisedName(collapseBlanksAndSeparators(composed), raw);
    }

    /**
     * Full-width ASCII to half-width, every separator variant to SEPARATOR, every blank to a space. Done before
     * NFC so a full-width letter followed by a combining mark composes like its half-width form.
     */
    private static String unifyCharacters(String raw) {
        char[] chars = raw.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '！' && c <= '～') {
                c = (char) (c - ('！' - '!'));
            }
            if (isSeparatorVariant(c)) {
                c = SEPARATOR;
            } else if (Text.isBlank(c)) {
                c = ' ';
            }
            chars[i] = c;
        }
        return new String(chars);
    }

    private static String collapseBlanksAndSeparators(String unified) {
        StringBuilder out = new StringBuilder(unified.length());
        boolean pendingSpace = false;
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (c == ' ') {
                pendingSpace = out.length() > 0 && out.charAt(out.length() - 1) != SEPARATOR;
            } else if (c == SEPARATOR) {
                pendingSpace = false;
                if (out.length() == 0 || out.charAt(out.length() - 1) != SEPARATOR) {
                    out.append(SEPARATOR);
                }
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSeparatorVariant(char c) {
        return switch (c) {
            case '\u00B7', '\u2022', '\uFF0E', '.', '\u30FB', '\u2027', '\u2219', '\u22C5', '\uFF65' -> true;
            default -> false;
        };
    }

    /**
     * The common case, checked without allocating: Han characters, ASCII letters and single inner spaces,
     * separators already written as SEPARATOR and alone. Han ideographs and ASCII are unchanged by NFC;
     * anything else goes the long way.
     */
    private static boolean isAlreadyNormal(String raw) {
        int length = raw.length();
        if (length == 0) {
            return true;
        }
        char previous = ' ';
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            boolean plain = c >= '\u4E00' && c <= '\u9FFF' || c > ' ' && c < '.' || c > '.' && c < 0x7F;
            boolean fine = plain
                    || c == ' ' && previous != ' ' && previous != SEPARATOR && i < length - 1
                    || c == SEPARATOR && previous != ' ' && previous != SEPARATOR;
            if (!fine) {
                return false;
            }
            previous = c;
        }
        return previous != ' ';
    }
}
