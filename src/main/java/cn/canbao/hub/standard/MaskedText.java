package cn.canbao.hub.standard;

import java.util.regex.Pattern;

/**
 * Text that may quote identity numbers (an exception's message quoting a row, say), with each 18-character number
 * masked as the log masks it: region and sequence kept, birth date hidden ({@code 630102********123X}).
 */
public final class MaskedText {

    private static final Pattern IDENTITY_NUMBER =
            Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

    private MaskedText() {
    }

    public static String of(String text) {
        return text == null ? null : IDENTITY_NUMBER.matcher(text).replaceAll("$1********$2");
    }
}
