package cn.canbao.hub.registry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, built directly as UTF-8 bytes: the canonical JSON arrives as the bytes
 * Jackson wrote and only needs its backslashes doubled (UTF-8 continuation bytes never look like ASCII), so a
 * record's payload is copied once instead of being decoded, escaped character by character and encoded again.
 */
final class CopyRows {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private byte[] bytes;
    private int length;

    CopyRows(int capacity) {
        this.bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    CopyRows text(String value) {
        if (value == null) {
            return ascii("\\N");
        }
        return escaped(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A value known to need no escaping: codes, timestamps, fixed text. */
    CopyRows ascii(String value) {
        int n = value.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    CopyRows number(long value) {
        return ascii(Long.toString(value));
    }

    CopyRows escaped(byte[] utf8) {
        ensure(utf8.length * 2);
        int n = utf8.length;
        int run = 0;
        int i = 0;
        while (i < n) {
            if (i + Long.BYTES <= n && !holdsSpecialByte((long) WORDS.get(utf8, i))) {
                i += Long.BYTES;
                continue;
            }
            byte escape = escapeOf(utf8[i]);
            if (escape != 0) {
                System.arraycopy(utf8, run, bytes, length, i - run);
                length += i - run;
                bytes[length++] = '\\';
                bytes[length++] = escape;
                run = i + 1;
            }
            i++;
        }
        System.arraycopy(utf8, run, bytes, length, n - run);
        length += n - run;
        return this;
    }

    CopyRows tab() {
        ensure(1);
        bytes[length++] = '\t';
        return this;
    }

    CopyRows endRow() {
        ensure(1);
        bytes[length++] = '\n';
        return this;
    }

    void sendTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(bytes, 0, length);
        length = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Eight bytes at a time: most payloads hold no byte to escape at all, and are copied in one piece. */
    private static boolean holdsSpecialByte(long word) {
        return (holds(word, '\\') | holds(word, '\t') | holds(word, '\n') | holds(word, '\r')) != 0;
    }

    /** Non-zero when some byte of {@code word} equals {@code b} (the classic "has zero byte" test on word ^ b…b). */
    private static long holds(long word, char b) {
        long x = word ^ (ONES * b);
        return (x - ONES) & ~x & HIGH_BITS;
    }

    private static byte escapeOf(byte b) {
        return switch (b) {
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
        };
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
