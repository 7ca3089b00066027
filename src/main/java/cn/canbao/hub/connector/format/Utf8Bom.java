package cn.canbao.hub.connector.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Skips the UTF-8 byte order mark that spreadsheet tools write, whether or not the descriptor announces one. */
final class Utf8Bom {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8Bom() {
    }

    /**
     * The stream without a leading BOM when the file is UTF-8. In a GBK file the same bytes are left alone: they mean
     * the file is really UTF-8, which decoding then reports.
     */
    static InputStream skipped(InputStream in, Charset charset) throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return in;
        }
        PushbackInputStream pushback = new PushbackInputStream(in, BOM.length);
        byte[] head = pushback.readNBytes(BOM.length);
        if (!Arrays.equals(head, BOM)) {
            pushback.unread(head);
        }
        return pushback;
    }
}
