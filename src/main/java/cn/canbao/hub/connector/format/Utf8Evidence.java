package cn.canbao.hub.connector.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Recognises UTF-8 text in a file that should be GBK. GB18030 gives a meaning to almost every byte pair, so UTF-8
 * Chinese often decodes without error into wrong characters (张三 becomes 寮犱笁). Such bytes are taken for UTF-8
 * when they are valid UTF-8 holding at least one character of three or more bytes (CJK and above): GBK text forms
 * such sequences only by rare coincidence, and never for names of one or two characters between ASCII fields.
 */
final class Utf8Evidence {

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** The bytes read as UTF-8 when they are evidently UTF-8 text, else null. */
    String utf8TextOf(byte[] bytes) {
        if (isAscii(bytes)) {
            return null;
        }
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
        return text.chars().anyMatch(c -> c >= 0x800) ? text : null;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
