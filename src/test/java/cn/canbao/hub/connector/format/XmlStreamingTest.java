package cn.canbao.hub.connector.format;

import static cn.canbao.hub.connector.format.Formats.RARE;
import static cn.canbao.hub.connector.format.Formats.gbk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A POLICE export of 200 MB is read record by record in a few megabytes of heap. */
class XmlStreamingTest {

    private static final int RECORDS = 560_000;
    private static final long MEBIBYTE = 1024 * 1024;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against a hang on a busy machine, not a speed limit
    void streamsTwoHundredMegabytePoliceExportWithHeapFarBelowItsSize() throws Exception {
        GeneratedPoliceExport export = new GeneratedPoliceExport(RECORDS);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedHeapAfterGc(memory);
        long peak = 0;
        long read = 0;
        String lastName = null;

        try (RecordReader reader = RecordReader.open(Formats.of("POLICE"), export)) {
            RawRecord record;
            while ((record = reader.next()) != null) {
                assertThat(record.error()).isNull();
                read++;
                if (read % 100_000 == 0) {
                    peak = Math.max(peak, usedHeapAfterGc(memory) - baseline);
                }
                lastName = record.fields().get("XM");
            }
        }

        assertThat(export.bytesServed()).isGreaterThan(200_000_000L);
        assertThat(read).isEqualTo(RECORDS);
        assertThat(lastName).isEqualTo("扎西·" + RARE + "杰");
        assertThat(peak).as("heap held while reading, bytes").isLessThan(16 * MEBIBYTE);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The export, generated while it is read: never on disk, never whole in memory. */
    private static final class GeneratedPoliceExport extends InputStream {

        private static final String NUMBER_PLACEHOLDER = "######";
        private static final byte[] HEAD = gbk("<?xml version=\"1.0\" encoding=\"GBK\"?>\n"
                + "<PopulationExchange sender=\"630000\" date=\"20171015\" count=\"" + RECORDS + "\">\n");
        private static final byte[] TAIL = "</PopulationExchange>\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] PERSON = gbk("""
                  <Person op="UPDATE">
                    <GMSFHM>6322211955######17</GMSFHM>
                    <XM>扎西·%s杰</XM>
                    <XB>1</XB>
                    <MZ>04</MZ>
                    <CSRQ>19550312</CSRQ>
                    <RYLB>1</RYLB>
                    <HJXZQH>632221100</HJXZQH>
                    <JZXZQH>632221100</JZXZQH>
                    <HJDZ>青海省海北藏族自治州门源回族自治县浩门镇某某村某某社某号</HJDZ>
                    <RYZT>0</RYZT>
                    <BDRQ>20171001</BDRQ>
                  </Person>
                """.formatted(RARE));
        private static final int NUMBER_AT = new String(PERSON, StandardCharsets.ISO_8859_1).indexOf(NUMBER_PLACEHOLDER);

        private final int records;
        private final byte[] person = PERSON.clone();
        private byte[] current = HEAD;
        private int position;
        private int served;
        private long bytesServed;

        GeneratedPoliceExport(int records) {
            this.records = records;
        }

        long bytesServed() {
            return bytesServed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == current.length && !advance()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            bytesServed += count;
            return count;
        }

        private boolean advance() {
            if (current == TAIL) {
                return false;
            }
            if (served == records) {
                current = TAIL;
            } else {
                int n = served++;
                for (int i = NUMBER_PLACEHOLDER.length() - 1; i >= 0; i--) {
                    person[NUMBER_AT + i] = (byte) ('0' + n % 10);
                    n /= 10;
                }
                current = person;
            }
            position = 0;
            return true;
        }
    }
}
