package cn.canbao.hub.standard;

import java.util.Objects;

/**
 * The outcome of checking one field: the canonical value, or the catalogue code and a message for the sender.
 * Checks report problems in user data this way instead of throwing.
 */
public record Check<T>(T value, ErrorCode error, String message) {

    public static <T> Check<T> ok(T value) {
        return new Check<>(value, null, null);
    }

    public static <T> Check<T> fail(ErrorCode error, String message) {
        return new Check<>(null, Objects.requireNonNull(error, "error"), message);
    }

    public boolean ok() {
        return error == null;
    }
}
