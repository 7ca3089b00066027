package cn.canbao.hub.standard;

/**
 * The one character PostgreSQL cannot store: NUL (U+0000) is refused in {@code text} columns and, as its JSON
 * escape, in {@code jsonb}. Whatever a partner's bytes hold, text on its way to the database keeps a NUL visible
 * as six characters instead: backslash, {@code u}, {@code 0000}.
 */
public final class StorableText {

    public static final String NUL_AS_TEXT = "\\u0000";

    private StorableText() {
    }

    public static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", NUL_AS_TEXT);
    }

    public static boolean holdsNul(String text) {
        return text.indexOf('\0') >= 0;
    }
}
