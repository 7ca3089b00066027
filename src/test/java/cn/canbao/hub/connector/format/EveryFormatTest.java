package cn.canbao.hub.connector.format;

import static cn.canbao.hub.connector.format.Formats.BOM;
import static cn.canbao.hub.connector.format.Formats.GBK;
import static cn.canbao.hub.connector.format.Formats.concat;
import static cn.canbao.hub.connector.format.Formats.gbk;
import static cn.canbao.hub.connector.format.Formats.read;
import static cn.canbao.hub.connector.format.Formats.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.standard.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every format does alike: empty files, over-long records, and text in the wrong encoding. */
class EveryFormatTest {

    private static final String CARD_HEADER =
            "id_number,name,sex,ethnicity,birth_date,card_no,issue_region,card_status,issue_date\n";
    private static final String PENSION_HEADER =
            "AAC002|AAC003|AAC004|AAC005|AAC006|AAE140|AAB301|AAB001|AAB004|AAC008|AAC031|AAE030|AAE031|AAE042\r\n";
    private static final String JUSTICE_HEADER = "身份证号,姓名,性别,入监日期,刑期止日,监所名称,监所所在地,人员状态\r\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CARD", "PENSION", "MEDICAL", "UNEMPLOYMENT", "INJURY", "MATERNITY", "POLICE", "EDUCATION",
            "JUSTICE"})
    void rejectsFileOfZeroBytesAsEmpty(String system) {
        FileFormatException failure = read(Formats.of(system), new byte[0]).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CARD", "MEDICAL", "INJURY", "MATERNITY", "EDUCATION"})
    void rejectsUtf8FileHoldingOnlyAByteOrderMarkAsEmpty(String system) {
        assertThat(read(Formats.of(system), BOM).failed().code()).isEqualTo(ErrorCode.FILE_EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CARD", "PENSION", "UNEMPLOYMENT", "INJURY", "JUSTICE"})
    void rejectsFileOfEmptyLinesAsEmpty(String system) {
        assertThat(read(Formats.of(system), utf8("\r\n\r\n\n")).failed().code()).isEqualTo(ErrorCode.FILE_EMPTY);
    }

    /** A file with one record far longer than the limit (1 MiB) between two good ones, in each format. */
    static Stream<Arguments> overlongRecords() {
        String card = "632221195503126017,%s,1,03,19550312,Q63000000001,632221,1,20150301\n";
        String justice = "630202197506016635,%s,1,20160501,20210430,青海省西宁监狱,630105,1\r\n";
        String pension = "632221195503126017|%s|1|03|19550312|170|632221|||1|1|20110101||201612\r\n";
        String injury = "{\"idNumber\":\"632221195503126017\",\"name\":\"%s\",\"status\":\"1\"}\n";
        String medical = "<Insured><IdNumber>632221195503126017</IdNumber><Name>%s</Name></Insured>\n";
        // a fixed-width record cannot hold a long name, so the over-long line is a name nobody padded
        Function<String, byte[]> unemployment = name -> concat(name.length() > 20
                ? gbk("632221195503126017" + name) : FixedWidthRecordReaderTest.line("632221195503126017", name),
                new byte[] {'\r', '\n'});
        return Stream.of(
                Arguments.of("CARD", utf8(CARD_HEADER), rows(card, StandardCharsets.UTF_8), new byte[0],
                        ErrorCode.RECORD_SYNTAX),
                Arguments.of("JUSTICE", gbk(JUSTICE_HEADER), rows(justice, GBK), new byte[0], ErrorCode.RECORD_SYNTAX),
                Arguments.of("PENSION", gbk(PENSION_HEADER), rows(pension, GBK), gbk("#END|3\r\n"),
                        ErrorCode.RECORD_SYNTAX),
                Arguments.of("INJURY", new byte[0], rows(injury, StandardCharsets.UTF_8), new byte[0],
                        ErrorCode.RECORD_SYNTAX),
                Arguments.of("UNEMPLOYMENT", new byte[0], unemployment, new byte[0], ErrorCode.RECORD_LENGTH),
                Arguments.of("MEDICAL", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<MedicalInsuranceExport count=\"3\">\n"), rows(medical, StandardCharsets.UTF_8),
                        utf8("</MedicalInsuranceExport>\n"), ErrorCode.RECORD_SYNTAX));
    }

    private static Function<String, byte[]> rows(String pattern, Charset charset) {
        return name -> String.format(pattern, name).getBytes(charset);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlongRecords")
    void rejectsRecordLongerThanOneMebibyteAndReadsTheNextOne(String system, byte[] head, Function<String, byte[]> row,
                                                             byte[] tail, ErrorCode expected) {
        // more than the limit in characters too, which is how XML counts
        String huge = "马".repeat(FormatSpec.DEFAULT_MAX_RECORD_BYTES + 1);
        byte[] file = concat(head, row.apply("马福林"), row.apply(huge), row.apply("李秀英"), tail);
        assertThat(file.length).isGreaterThan(FormatSpec.DEFAULT_MAX_RECORD_BYTES + 2);

        List<RawRecord> records = read(Formats.of(system), file).completed();

        assertThat(records).hasSize(3);
        assertThat(records.get(0).fields().values()).contains("马福林");
        assertThat(records.get(1).parsed()).isFalse();
        assertThat(records.get(1).error().code()).isEqualTo(expected);
        assertThat(records.get(1).raw().length()).isLessThan(8 * 1024);
        assertThat(records.get(2).number()).isEqualTo(3);
        assertThat(records.get(2).error()).as("the record after the long one").isNull();
        assertThat(records.get(2).fields().values()).contains("李秀英");
    }

    @Test
    void rejectsEveryChineseRecordOfGbkCardFileSentAsUtf8AndReadsTheAsciiOnes() {
        byte[] file = concat(utf8(CARD_HEADER),
                gbk("632221195503126017,马福林,1,03,19550312,Q63000000001,632221,1,20150301\n"),
                gbk("632221197001016012,Li Lei,1,01,19700101,Q63000000003,632221,1,20150301\n"),
                gbk("632221196002286025,李秀英,2,01,19600228,Q63000000002,632221,1,20150301\n"));

        List<RawRecord> records = read(Formats.of("CARD"), file).completed();

        assertThat(records).extracting(r -> r.error() == null ? null : r.error().code())
                .containsExactly(ErrorCode.RECORD_SYNTAX, null, ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(0).raw()).contains("\\xC2").doesNotContain("\uFFFD");
        assertThat(records.get(1).fields()).containsEntry("name", "Li Lei");
        Formats.assertNoMojibake(records, "马福林", "李秀英");
    }

    @Test
    void rejectsEveryChineseLineOfGbkInjuryFileSentAsUtf8() {
        String line = "{\"idNumber\":\"%s\",\"name\":\"%s\",\"status\":\"1\",\"region\":\"632221\"}\n";
        byte[] file = concat(gbk(String.format(line, "632221195503126017", "马福林")),
                gbk(String.format(line, "632221197001016012", "Li Lei")),
                gbk(String.format(line, "632221196002286025", "才让·多杰")));

        List<RawRecord> records = read(Formats.of("INJURY"), file).completed();

        assertThat(records).extracting(r -> r.error() == null ? null : r.error().code())
                .containsExactly(ErrorCode.RECORD_SYNTAX, null, ErrorCode.RECORD_SYNTAX);
        Formats.assertNoMojibake(records, "马福林", "才让·多杰");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MATERNITY", "EDUCATION"})
    void rejectsGbkFileWithChineseHeaderSentAsUtf8BecauseItsHeaderCannotBeRead(String system) {
        String header = String.join(",", Formats.of(system).columns());

        FileFormatException failure = read(Formats.of(system), gbk(header + "\r\n")).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).contains("header");
    }

    @Test
    void rejectsEveryChineseRecordOfUtf8PensionFileSentWhereGbkIsExpected() {
        byte[] file = utf8(PENSION_HEADER
                + "632221195503126017|马福林|1|03|19550312|170|632221|||1|1|20110101||201612\r\n"
                + "632221197001016012|Li Lei|1|01|19700101|170|632221|||1|1|20110101||201612\r\n"
                + "632221196002286025|李英|2|01|19600228|170|632221|||1|1|20110101||201612\r\n"
                + "632221196002286033|才让·多杰|1|01|19600228|170|632221|||1|1|20110101||201612\r\n"
                + "#END|4\r\n");

        List<RawRecord> records = read(Formats.of("PENSION"), file).completed();

        assertThat(records).extracting(r -> r.error() == null ? null : r.error().code()).containsExactly(
                ErrorCode.RECORD_SYNTAX, null, ErrorCode.RECORD_SYNTAX, ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(0).error().message()).contains("UTF-8");
        assertThat(records.get(0).raw()).contains("马福林");
        Formats.assertNoMojibake(records, "马福林", "李英", "才让·多杰");
    }

    @Test
    void rejectsUtf8RecordInGbkJusticeFileAndReadsTheGbkOnes() {
        byte[] file = concat(gbk(JUSTICE_HEADER),
                utf8("630202197506016635,韩永福,1,20160501,20210430,青海省西宁监狱,630105,1\r\n"),
                gbk("630202197710086642,王秀英,2,20170101,,青海省女子监狱,630105,2\r\n"));

        List<RawRecord> records = read(Formats.of("JUSTICE"), file).completed();

        assertThat(records.get(0).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(1).fields()).containsEntry("姓名", "王秀英");
        Formats.assertNoMojibake(records, "韩永福", "青海省西宁监狱");
    }

    @Test
    void rejectsUtf8JusticeFileBecauseItsHeaderIsNotGbk() {
        byte[] file = utf8(JUSTICE_HEADER + "630202197506016635,韩永福,1,20160501,20210430,青海省西宁监狱,630105,1\r\n");

        assertThat(read(Formats.of("JUSTICE"), file).failed().code()).isEqualTo(ErrorCode.FILE_FORMAT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"马福林", "李英", "才让·多杰", "阿卜杜热合曼买买提", "阿卜杜热合曼买买提江"})
    void rejectsUtf8NameInGbkFixedWidthFileWhetherPaddedOrCut(String name) {
        byte[] utf8Line = FixedWidthRecordReaderTest.line(StandardCharsets.UTF_8, "632221195503126017", name, "1",
                "19550312", "632221", "91632221MA7500001X", "1", "20150301", "201709");
        byte[] good = FixedWidthRecordReaderTest.line("632221197001016012", "马福林");

        List<RawRecord> records = read(Formats.of("UNEMPLOYMENT"), FixedWidthRecordReaderTest.file(utf8Line, good))
                .completed();

        assertThat(records.get(0).parsed()).as("%s", records.get(0).fields()).isFalse();
        assertThat(records.get(0).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(1).fields()).containsEntry("name", "马福林");
        assertThat(records.get(0).fields()).isEmpty();
        assertThat(records.get(0).raw()).doesNotContain("\uFFFD");
    }

    /** Binary garbage (NUL bytes, random bytes) ends in a file-level or record-level error, never in an exception. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CARD", "PENSION", "MEDICAL", "UNEMPLOYMENT", "INJURY", "MATERNITY", "POLICE", "EDUCATION",
            "JUSTICE"})
    void answersBinaryGarbageWithAnErrorInsteadOfFailing(String system) {
        byte[] nulBytes = new byte[4096];
        byte[] noise = new byte[4096];
        new Random(system.hashCode()).nextBytes(noise);

        for (byte[] garbage : List.of(nulBytes, noise, concat(gbk("<?xml version=\"1.0\" encoding=\"GBK\"?>"), nulBytes))) {
            Formats.Read read = read(Formats.of(system), garbage);

            assertThat(read.failure() != null || !read.rejected().isEmpty())
                    .as("%s answers %d bytes of garbage with an error", system, garbage.length).isTrue();
        }
    }

    /**
     * A file cut short anywhere in its first 300 bytes (a transfer that broke off) is read to an answer, in
     * one-byte reads as a slow stream delivers them: the XML reader once failed on a file of the single byte
     * {@code <} with the decoder's IllegalStateException, for ever at every poll.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"card/valid.csv", "pension/valid.txt", "medical/valid.xml", "unemployment/valid.dat",
            "injury/valid.jsonl", "maternity/valid.csv", "police/valid.xml", "education/valid.csv",
            "justice/valid.csv"})
    void readsAFileCutShortAnywhereToAnAnswer(String fixture) throws IOException {
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/fixtures", fixture));
        FormatSpec spec = Formats.of(fixture.substring(0, fixture.indexOf('/')).toUpperCase(Locale.ROOT));

        for (int length = 1; length <= Math.min(300, whole.length); length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            InputStream oneByteAtATime = new ByteArrayInputStream(cut) {
                @Override
                public synchronized int read(byte[] buffer, int offset, int count) {
                    return super.read(buffer, offset, Math.min(count, 1));
                }
            };

            assertThat(read(spec, oneByteAtATime)).as("%s cut to %d bytes", fixture, length).isNotNull();
        }
    }
}
