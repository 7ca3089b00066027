package cn.canbao.hub.registry;

/** The one character PostgreSQL text cannot hold. */
final class CopyText {

    private CopyText() {
    }

    /** PostgreSQL text cannot contain NUL; quarantine keeps it visible as an escape instead. */
    static String withoutNul(String raw) {
        return raw.indexOf('\0') < 0 ? raw : raw.replace("\0", "\\u0000");
    }
}
