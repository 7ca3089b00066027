package cn.canbao.hub.reliability.fuzz;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Byte and line helpers for mutations: a file's text in its own encoding, lines with their terminators. */
final class TextFile {

    private TextFile() {
    }

    /** The file as text; bytes invalid in the encoding become U+FFFD (mutations stack, so earlier ones may break it). */
    static String decode(byte[] data, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text back into bytes; a lone surrogate (which no encoding holds) becomes '?'. */
    static byte[] encode(String text, Charset charset) {
        try {
            ByteBuffer bytes = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(text));
            return Arrays.copyOf(bytes.array(), bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines of a text, each with its terminator ({@code \r\n}, {@code \n}), the last one possibly without. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** A line without its terminator. */
    static String content(String line) {
        return line.replaceFirst("\r?\n$", "");
    }

    /** The terminator of a line, or the file's usual one for a last line without. */
    static String terminator(String line) {
        return line.endsWith("\r\n") ? "\r\n" : "\n";
    }

    static byte[] insert(byte[] data, int position, byte[] inserted) {
        byte[] result = new byte[data.length + inserted.length];
        System.arraycopy(data, 0, result, 0, position);
        System.arraycopy(inserted, 0, result, position, inserted.length);
        System.arraycopy(data, position, result, position + inserted.length, data.length - position);
        return result;
    }

    static byte[] delete(byte[] data, int from, int to) {
        byte[] result = new byte[data.length - (to - from)];
        System.arraycopy(data, 0, result, 0, from);
        System.arraycopy(data, to, result, from, data.length - to);
        return result;
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static String repeat(String unit, int length) {
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
