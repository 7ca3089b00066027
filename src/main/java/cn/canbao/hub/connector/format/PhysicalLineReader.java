package cn.canbao.hub.connector.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at LF, dropping a CR before it. Splitting bytes before decoding is safe for UTF-8
 * and GB18030 because neither uses the bytes of CR or LF inside a multi-byte character. A line longer than the
 * limit is read past keeping only its beginning, so one huge line costs no more memory than the limit.
 */
final class PhysicalLineReader implements Closeable {

    /** How much of an over-long line is kept for the quarantine. */
    static final int OVERLONG_PREVIEW_BYTES = 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;
    private byte[] line = new byte[256];

    PhysicalLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    PhysicalLine next() throws IOException {
        int kept = 0;
        long length = 0;
        boolean endsWithCr = false;
        boolean sawLineFeed = false;
        while (!sawLineFeed) {
            if (position == limit && !refill()) {
                break;
            }
            int end = indexOfLineFeed();
            sawLineFeed = end < limit;
            int count = end - position;
            if (count > 0) {
                kept = keep(kept, length, count);
                length += count;
                endsWithCr = buffer[end - 1] == '\r';
            }
            position = sawLineFeed ? end + 1 : end;
        }
        if (!sawLineFeed && length == 0) {
            return null;
        }
        lineNumber++;
        String terminator = sawLineFeed ? "\n" : "";
        if (endsWithCr) {
            length--;
            kept = (int) Math.min(kept, length);
            terminator = "\r" + terminator;
        }
        boolean overlong = length > maxLineBytes;
        byte[] bytes = Arrays.copyOf(line, overlong ? Math.min(kept, OVERLONG_PREVIEW_BYTES) : kept);
        return new PhysicalLine(lineNumber, bytes, length, terminator);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Appends the next {@code count} buffered bytes to the line while it is within the limit. */
    private int keep(int kept, long lengthSoFar, int count) {
        if (lengthSoFar > maxLineBytes) {
            return kept;
        }
        // one byte beyond the limit is kept so that a CR ending an exactly-maximal line can still be dropped
        int room = (int) Math.min(count, maxLineBytes + 1L - kept);
        if (kept + room > line.length) {
            line = Arrays.copyOf(line, Math.max(kept + room, Math.min(line.length * 2, maxLineBytes + 1)));
        }
        System.arraycopy(buffer, position, line, kept, room);
        return kept + room;
    }

    private int indexOfLineFeed() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return limit;
    }

    private boolean refill() throws IOException {
        int read = in.read(buffer);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
