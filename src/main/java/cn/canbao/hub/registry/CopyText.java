package cn.canbao.hub.registry;

/** Escaping for PostgreSQL's COPY text format, and the one character PostgreSQL text cannot hold. */
final class CopyText {

    private CopyText() {
    }

    static void append(StringBuilder out, String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** PostgreSQL text cannot contain NUL; quarantine keeps it visible as an escape instead. */
    static String withoutNul(String raw) {
        return raw.indexOf('\0') < 0 ? raw : raw.replace("\0", "\\u0000");
    }
}
