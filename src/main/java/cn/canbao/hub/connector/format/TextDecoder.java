package cn.canbao.hub.connector.format;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a record's bytes strictly in the file's encoding: bytes invalid in it are reported, never replaced,
 * and a GBK file's record that is evidently UTF-8 is reported too (GB18030 would decode it into wrong
 * characters without complaint). What cannot be decoded keeps a lossless form for the quarantine.
 */
final class TextDecoder {

    private final Charset charset;
    private final CharsetDecoder decoder;
    private final Utf8Evidence utf8Evidence;

    TextDecoder(Charset charset) {
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.utf8Evidence = StandardCharsets.UTF_8.equals(charset) ? null : new Utf8Evidence();
    }

    DecodedText decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    DecodedText decode(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        if (asciiOnly(bytes, offset, length)) {
            return DecodedText.decoded(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        }
        if (utf8Evidence != null) {
            String utf8 = utf8Evidence.utf8TextOf(slice(bytes, offset, length));
            if (utf8 != null) {
                return DecodedText.undecodable(utf8, "the record is UTF-8 text; this file must be encoded in GBK");
            }
        }
        try {
            return DecodedText.decoded(decoder.reset().decode(in).toString());
        } catch (CharacterCodingException e) {
            return DecodedText.undecodable(escaped(bytes, offset, length),
                    "bytes invalid in " + displayName() + " at byte " + (firstBadByte(bytes, offset, length) + 1));
        }
    }

    /**
     * Decodes a fixed-width field whose sender may have cut a multi-byte character in two at the field's end:
     * the dangling bytes of such a character (1 to 3, a 4-byte GB18030 character included) are dropped. Null when
     * the field is invalid elsewhere, or when it is UTF-8 text cut inside a character, which GB18030 would
     * otherwise often decode into wrong characters without complaint.
     */
    String decodeCutField(byte[] bytes, int offset, int length) {
        if (utf8Evidence != null && isCutUtf8(bytes, offset, length)) {
            return null;
        }
        DecodedText whole = decode(bytes, offset, length);
        if (whole.decoded()) {
            return whole.text();
        }
        int dangling = danglingBytes(bytes, offset, length);
        if (dangling <= 0 || dangling >= length) {
            return null;
        }
        DecodedText cut = decode(bytes, offset, length - dangling);
        return cut.decoded() ? cut.text() : null;
    }

    /** How many bytes at the end begin a character without completing it; -1 when the bytes are invalid before. */
    private int danglingBytes(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length * 2 + 2);
        CoderResult result = decoder.reset().decode(in, out, false);
        return result.isUnderflow() ? in.remaining() : -1;
    }

    /** Whether the bytes, without the last one to three, are evidently UTF-8 text: a UTF-8 character cut in two. */
    private boolean isCutUtf8(byte[] bytes, int offset, int length) {
        for (int dropped = 1; dropped <= 3 && dropped < length; dropped++) {
            if (bytes[offset + length - dropped] >= 0) {
                return false;
            }
            if (utf8Evidence.utf8TextOf(slice(bytes, offset, length - dropped)) != null) {
                return true;
            }
        }
        return false;
    }

    String displayName() {
        return StandardCharsets.UTF_8.equals(charset) ? "UTF-8" : "GBK (GB18030)";
    }

    /** The bytes as text, each byte that does not decode written {@code \xNN}, a backslash {@code \\}. */
    String escaped(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length * 4 + 16);
        StringBuilder text = new StringBuilder(length + 16);
        decoder.reset();
        while (in.hasRemaining()) {
            out.clear();
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            text.append(out.toString().replace("\\", "\\\\"));
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append(String.format("\\x%02X", in.get() & 0xFF));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return text.toString();
    }

    private int firstBadByte(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length * 4 + 16);
        decoder.reset().decode(in, out, true);
        return in.position() - offset;
    }

    private static boolean asciiOnly(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        if (offset == 0 && length == bytes.length) {
            return bytes;
        }
        byte[] slice = new byte[length];
        System.arraycopy(bytes, offset, slice, 0, length);
        return slice;
    }
}
