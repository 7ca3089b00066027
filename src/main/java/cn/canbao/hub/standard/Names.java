package cn.canbao.hub.standard;

import java.text.Normalizer;

/**
 * Names in one form across sources, so 阿卜杜拉·买买提 from one system equals 阿卜杜拉．买买提 from another.
 * Only the writing is unified (white space, character width, Unicode composition, the separator of minority
 * and foreign names); letters are never changed, so two different names never become equal.
 */
public final class Names {

    /** The separator of given name and family name in minority and foreign names, as GB/T 28039 writes it. */
    private static final char SEPARATOR = '·';

    private static final char FULL_WIDTH_FIRST = '！';
    private static final char FULL_WIDTH_LAST = '～';
    private static final int FULL_WIDTH_OFFSET = FULL_WIDTH_FIRST - '!';

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
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        boolean unchangedByNfc = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = unify(raw.charAt(i));
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
                unchangedByNfc &= isUnchangedByNfc(c);
            }
        }
        // NFC neither makes nor removes blanks or separators, so composing after collapsing them is the same
        // as before; full-width letters are already half-width here, so ｅ + U+0301 composes to é.
        String collapsed = out.toString();
        return new NormalisedName(unchangedByNfc ? collapsed : Normalizer.normalize(collapsed, Normalizer.Form.NFC), raw);
    }

    /** Full-width ASCII to half-width, every separator variant to SEPARATOR, every blank to a space. */
    private static char unify(char c) {
        char halfWidth = c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? (char) (c - FULL_WIDTH_OFFSET) : c;
        if (isSeparatorVariant(halfWidth)) {
            return SEPARATOR;
        }
        return Text.isBlank(halfWidth) ? ' ' : halfWidth;
    }

    private static boolean isSeparatorVariant(char c) {
        return switch (c) {
            // U+0387 is listed because NFC would turn it into U+00B7 after the separators were collapsed
            case '\u00B7', '\u2022', '\uFF0E', '.', '\u30FB', '\u2027', '\u2219', '\u22C5', '\uFF65', '\u0387' -> true;
            default -> false;
        };
    }

    /**
     * Characters that NFC leaves alone whatever precedes them: Latin below the combining marks, CJK ideographs
     * of the basic plane. Anything else (combining marks, compatibility ideographs, surrogates) sends the name
     * through the Normalizer.
     */
    private static boolean isUnchangedByNfc(char c) {
        return c < '\u0300' || c >= '\u3400' && c <= '\u4DBF' || c >= '\u4E00' && c <= '\u9FFF';
    }

    /**
     * The common case, checked without allocating: ideographs and ASCII other than '.', single inner spaces,
     * separators already written as SEPARATOR and alone.
     */
    private static boolean isAlreadyNormal(String raw) {
        int length = raw.length();
        char previous = ' ';
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            boolean fine;
            if (c == ' ') {
                fine = previous != ' ' && previous != SEPARATOR && i < length - 1;
            } else if (c == SEPARATOR) {
                fine = previous != ' ' && previous != SEPARATOR;
            } else {
                fine = c > ' ' && c < 0x7F && c != '.' || c >= '\u4E00' && c <= '\u9FFF';
            }
            if (!fine) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
