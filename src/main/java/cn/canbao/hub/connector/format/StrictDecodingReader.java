package cn.canbao.hub.connector.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes strictly and knows where it is, so that bytes invalid in the encoding are reported at their own
 * line and column. (An {@code InputStreamReader} reports them when it decodes the buffer that holds them, so the
 * XML parser's position, kilobytes earlier, is all a message could name.) The text before the bad bytes is
 * delivered first; the next read fails with {@link InvalidBytesException}.
 */
final class StrictDecodingReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String encoding;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean endOfInput;
    /** Set once the decoder was flushed: a decoder may not decode again after that, only flush again. */
    private boolean flushing;
    private long line = 1;
    private long column = 1;
    private long bytesDecoded;
    private boolean afterCarriageReturn;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.encoding = StandardCharsets.UTF_8.equals(charset) ? "UTF-8" : "GBK (GB18030)";
    }

    /** Bytes invalid in the encoding, with the line, column and byte offset where they begin (all 1-based). */
    static final class InvalidBytesException extends MalformedInputException {

        private final String message;

        InvalidBytesException(int length, String message) {
            super(length);
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        if (flushing) {
            return flushInto(buffer, offset, out);
        }
        while (true) {
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            bytesDecoded += bytes.position() - before;
            int produced = out.position() - offset;
            if (result.isError()) {
                if (produced > 0) {
                    return counted(buffer, offset, produced);
                }
                throw new InvalidBytesException(result.length(), "bytes invalid in " + encoding
                        + " at line " + line + ", column " + column + " (byte " + (bytesDecoded + 1) + ")");
            }
            if (result.isOverflow() || produced > 0) {
                return counted(buffer, offset, produced);
            }
            if (endOfInput) {
                flushing = true;
                return flushInto(buffer, offset, out);
            }
            refill();
        }
    }

    /** What the decoder still holds at the end of the input; -1 once it holds nothing more. */
    private int flushInto(char[] buffer, int offset, CharBuffer out) {
        decoder.flush(out);
        int produced = out.position() - offset;
        return produced > 0 ? counted(buffer, offset, produced) : -1;
    }

    private void refill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    /** Advances line and column over the characters about to be returned. */
    private int counted(char[] buffer, int offset, int count) {
        for (int i = offset, end = offset + count; i < end; i++) {
            char c = buffer[i];
            if (c == '\n') {
                if (!afterCarriageReturn) {
                    line++;
                }
                column = 1;
            } else if (c == '\r') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
            afterCarriageReturn = c == '\r';
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
