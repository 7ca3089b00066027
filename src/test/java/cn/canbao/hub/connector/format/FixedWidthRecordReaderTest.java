package cn.canbao.hub.connector.format;

import static cn.canbao.hub.connector.format.Formats.GBK;
import static cn.canbao.hub.connector.format.Formats.RARE;
import static cn.canbao.hub.connector.format.Formats.concat;
import static cn.canbao.hub.connector.format.Formats.gbk;
import static cn.canbao.hub.connector.format.Formats.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import cn.canbao.hub.standard.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** UNEMPLOYMENT (spec §4.4): GBK, CRLF, 88 bytes per record, fields at byte offsets, names cut by the sender. */
class FixedWidthRecordReaderTest {

    private static final FormatSpec UNEMPLOYMENT = Formats.of("UNEMPLOYMENT");
    private static final byte[] CRLF = {'\r', '\n'};

    /** One record as a sender writes it: each field encoded, cut to its byte width and padded with spaces. */
    static byte[] line(Charset charset, String id, String name, String sex, String birthDate, String region,
                       String employer, String status, String startDate, String lastPaid) {
        return concat(field(charset, id, 18), field(charset, name, 20), field(charset, sex, 1),
                field(charset, birthDate, 8), field(charset, region, 6), field(charset, employer, 20),
                field(charset, status, 1), field(charset, startDate, 8), field(charset, lastPaid, 6));
    }

    static byte[] line(String id, String name) {
        return line(GBK, id, name, "1", id.substring(6, 14), "632221", "91632221MA7500001X", "1", "20150301", "201709");
    }

    private static byte[] field(Charset charset, String value, int width) {
        byte[] bytes = Arrays.copyOf(value.getBytes(charset), width);
        for (int i = value.getBytes(charset).length; i < width; i++) {
            bytes[i] = ' ';
        }
        return bytes;
    }

    static byte[] file(byte[]... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.writeBytes(CRLF);
        }
        return out.toByteArray();
    }

    @Test
    void readsEveryFieldAtItsByteOffset() {
        byte[] record = line(GBK, "632221195503126017", "马福林", "1", "19550312", "632221", "91632221MA7500001X", "2",
                "20150301", "201709");
        assertThat(record).hasSize(88);

        List<RawRecord> records = read(UNEMPLOYMENT, file(record)).completed();

        assertThat(records.get(0).fields()).containsExactly(entry("idNumber", "632221195503126017"),
                entry("name", "马福林"), entry("sex", "1"), entry("birthDate", "19550312"), entry("region", "632221"),
                entry("employerId", "91632221MA7500001X"), entry("status", "2"), entry("startDate", "20150301"),
                entry("lastPaidMonth", "201709"));
    }

    @Test
    void readsNameTheSenderCutAtACharacterBoundary() {
        String name = "欧阳买买提江热合曼古丽";
        byte[] record = line("632221195503126017", name);

        assertThat(read(UNEMPLOYMENT, file(record)).completed().get(0).fields()).containsEntry("name",
                "欧阳买买提江热合曼古");
    }

    @Test
    void repairsNameCutInTheMiddleOfATwoByteCharacter() {
        // 4 characters, an ASCII separator and 6 characters: 23 bytes, cut by the sender after byte 20,
        // which is the first byte of 江
        String name = "阿卜杜拉.买买提艾力江";
        byte[] cut = Arrays.copyOf(gbk(name), 20);
        assertThat(cut[19]).isNegative();
        byte[] record = line("632221195503126017", "");
        System.arraycopy(cut, 0, record, 18, 20);

        RawRecord read = read(UNEMPLOYMENT, file(record)).completed().get(0);

        assertThat(read.parsed()).isTrue();
        assertThat(read.fields()).containsEntry("name", "阿卜杜拉.买买提艾力").containsEntry("sex", "1");
        Formats.assertNoMojibake(List.of(read));
    }

    @ParameterizedTest(name = "cut after {1} of its 4 bytes")
    @CsvSource({"一二三四五六七八九.,1", "一二三四五六七八九,2", "一二三四五六七八.,3"})
    void repairsNameCutInTheMiddleOfAFourByteRareCharacter(String before, int bytesKept) {
        byte[] cut = Arrays.copyOf(gbk(before + RARE + "林"), 20);
        assertThat(gbk(before)).hasSize(20 - bytesKept);
        byte[] record = line("632221195503126017", "");
        System.arraycopy(cut, 0, record, 18, 20);

        RawRecord read = read(UNEMPLOYMENT, file(record)).completed().get(0);

        assertThat(read.parsed()).as("%s", read.error()).isTrue();
        assertThat(read.fields()).containsEntry("name", before).containsEntry("sex", "1");
    }

    @Test
    void readsRareFourByteCharacterAndMinorityName() {
        byte[] rare = line("632221195503126017", "马" + RARE + "林");
        byte[] minority = line("632221196002286025", "才让·多杰");

        List<RawRecord> records = read(UNEMPLOYMENT, file(rare, minority)).completed();

        assertThat(records).extracting(r -> r.fields().get("name")).containsExactly("马" + RARE + "林", "才让·多杰");
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"87", "89", "1", "176"})
    void rejectsLineOfWrongByteLengthAndReadsOn(int length) {
        byte[] good = line("632221195503126017", "马福林");
        byte[] wrong = Arrays.copyOf(concat(line("632221196002286025", "李秀英"), line("632221196002286025", "李秀英")),
                length);

        List<RawRecord> records = read(UNEMPLOYMENT, file(wrong, good)).completed();

        assertThat(records).hasSize(2);
        assertThat(records.get(0).error().code()).isEqualTo(ErrorCode.RECORD_LENGTH);
        assertThat(records.get(0).error().message()).contains(Integer.toString(length)).contains("88");
        assertThat(records.get(1).number()).isEqualTo(2);
        assertThat(records.get(1).fields()).containsEntry("name", "马福林");
    }

    @Test
    void countsTheLengthInBytesNotCharacters() {
        // padded by characters instead of bytes: 20 characters of name make 23 bytes
        String line = "632221195503126017" + "马福林" + " ".repeat(17) + "1" + "19550312" + "632221"
                + "91632221MA7500001X  " + "1" + "20150301" + "201709";
        assertThat(line).hasSize(88);

        RawRecord record = read(UNEMPLOYMENT, file(gbk(line))).completed().get(0);

        assertThat(record.error().code()).isEqualTo(ErrorCode.RECORD_LENGTH);
        assertThat(record.error().message()).contains("91");
    }

    @Test
    void acceptsLinesEndingInLfOnlyAndLastLineWithoutTerminator() {
        byte[] file = concat(line("632221195503126017", "马福林"), new byte[] {'\n'},
                line("632221196002286025", "李秀英"));

        assertThat(read(UNEMPLOYMENT, file).completed()).extracting(r -> r.fields().get("name"))
                .containsExactly("马福林", "李秀英");
    }

    @Test
    void rejectsRecordWithBytesInvalidInGbkNamingTheField() {
        byte[] bad = line("632221195503126017", "马福林");
        bad[20] = (byte) 0xFF;
        byte[] good = line("632221196002286025", "李秀英");

        List<RawRecord> records = read(UNEMPLOYMENT, file(bad, good)).completed();

        assertThat(records.get(0).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(0).error().field()).isEqualTo("name");
        assertThat(records.get(0).raw()).contains("\\xFF").doesNotContain("\uFFFD");
        assertThat(records.get(1).parsed()).isTrue();
    }
}
