package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;

/**
 * The whole file is rejected ({@code FILE_FORMAT}, {@code FILE_COUNT} or {@code FILE_EMPTY}); the message is
 * written for the sender and goes into the receipt.
 */
public class FileFormatException extends Exception {

    private final ErrorCode code;

    public FileFormatException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public FileFormatException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
