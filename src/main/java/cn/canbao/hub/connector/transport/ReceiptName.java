package cn.canbao.hub.connector.transport;

import java.nio.charset.StandardCharsets;

/**
 * The name of a data file's receipt: {@code {data file name}.receipt.json} (spec §3). A file system name holds at most
 * 255 bytes, and the hub writes a receipt under a hidden temporary name first ({@code .{receipt}.part}), so a data
 * file name of more than {@link #LONGEST_NAME} bytes — far beyond the naming convention, and rejected with
 * {@code FILE_NAME} — gets its receipt under its first {@link #KEPT_BYTES} bytes and a hash of the whole name:
 * {@code {beginning}~{8 hex digits}.receipt.json}. Without it the receipt could never be written and the file never
 * answered.
 */
final class ReceiptName {

    static final String SUFFIX = ".receipt.json";
    private static final int LONGEST_NAME = 255 - ".".length() - SUFFIX.length() - ".part".length();
    private static final int KEPT_BYTES = 200;

    private ReceiptName() {
    }

    static String of(String dataFileName) {
        if (dataFileName.getBytes(StandardCharsets.UTF_8).length <= LONGEST_NAME) {
            return dataFileName + SUFFIX;
        }
        String hash = Sha256.of(dataFileName.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return beginning(dataFileName) + "~" + hash + SUFFIX;
    }

    /** The longest beginning of the name within {@link #KEPT_BYTES} bytes of UTF-8, cut between characters. */
    private static String beginning(String name) {
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + width > KEPT_BYTES) {
                break;
            }
            bytes += width;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }
}
