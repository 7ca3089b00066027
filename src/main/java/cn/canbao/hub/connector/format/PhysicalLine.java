package cn.canbao.hub.connector.format;

/**
 * One line of a file as bytes, without its terminator.
 *
 * @param number     1-based line number in the file
 * @param bytes      the line's bytes, or only its beginning when the line is over-long
 * @param length     the line's full length in bytes
 * @param terminator {@code "\r\n"}, {@code "\n"}, or empty for a last line without one
 */
record PhysicalLine(long number, byte[] bytes, long length, String terminator) {

    boolean overlong() {
        return bytes.length < length;
    }

    /** Holds nothing but ASCII white space; such lines separate nothing and are skipped. */
    boolean blank() {
        if (overlong()) {
            return false;
        }
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
