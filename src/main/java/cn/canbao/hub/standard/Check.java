package cn.canbao.hub.standard;

import java.util.Objects;

/**
 * The outcome of checking one field: the canonical value, or the catalogue code and a message for the sender.
 * A value may also pass with a warning, a code of kind warning ({@link ErrorCode#warning()}): the record is kept
 * and the sender told. Checks report problems in user data this way instead of throwing.
 *
 * @param code the error that rejects the value, the warning it passes with, or null
 */
public record Check<T>(T value, ErrorCode code, String message) {

    public static <T> Check<T> ok(T value) {
        return new Check<>(value, null, null);
    }

    public static <T> Check<T> fail(ErrorCode error, String message) {
        if (Objects.requireNonNull(error, "error").warning()) {
            throw new IllegalArgumentException(error + " is a warning: a value that fails has an error");
        }
        return new Check<>(null, error, message);
    }

    /** The value passes, and the record that holds it carries the warning. */
    public static <T> Check<T> okWithWarning(T value, ErrorCode warning, String message) {
        if (!Objects.requireNonNull(warning, "warning").warning()) {
            throw new IllegalArgumentException(warning + " is an error: a value that passes can only warn");
        }
        return new Check<>(value, warning, message);
    }

    public boolean ok() {
        return code == null || code.warning();
    }

    /** The error that rejects the value; null when it passes. */
    public ErrorCode error() {
        return ok() ? null : code;
    }

    /** The warning a passing value carries; null when it carries none or fails. */
    public ErrorCode warning() {
        return ok() ? code : null;
    }
}
