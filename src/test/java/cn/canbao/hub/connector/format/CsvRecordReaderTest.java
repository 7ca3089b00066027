package cn.canbao.hub.connector.format;

import static cn.canbao.hub.connector.format.Formats.BOM;
import static cn.canbao.hub.connector.format.Formats.RARE;
import static cn.canbao.hub.connector.format.Formats.concat;
import static cn.canbao.hub.connector.format.Formats.gbk;
import static cn.canbao.hub.connector.format.Formats.read;
import static cn.canbao.hub.connector.format.Formats.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import cn.canbao.hub.standard.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4180 CSV with a header row (spec §4.1 CARD, §4.6 MATERNITY, §4.8 EDUCATION, §4.9 JUSTICE), by the shipped descriptors. */
class CsvRecordReaderTest {

    private static final String CARD_HEADER =
            "id_number,name,sex,ethnicity,birth_date,card_no,issue_region,card_status,issue_date";
    private static final String MATERNITY_HEADER = "公民身份号码,姓名,性别,出生日期,参保地,单位编号,参保状态,参保日期,最后缴费年月";
    private static final String EDUCATION_HEADER = "学籍号,姓名,身份证件号,性别,出生日期,学校名称,学校所在地,学段,入学年月,户籍所在地";
    private static final String JUSTICE_HEADER = "身份证号,姓名,性别,入监日期,刑期止日,监所名称,监所所在地,人员状态";

    private static final String CARD_ROW = "632221195503126017,马福林,1,03,19550312,Q63000000001,632221,1,20150301";

    static Stream<Arguments> specHeaders() {
        return Stream.of(
                Arguments.of("CARD", utf8(CARD_HEADER + "\n" + CARD_ROW + "\n"),
                        fields(CARD_HEADER, CARD_ROW)),
                Arguments.of("MATERNITY", concat(BOM, utf8(MATERNITY_HEADER + "\r\n"
                                + "632521198803150628,卓玛,女,1988/3/15,632521,91632521MA7500001X,正常参保,2015/3/1,201709\r\n")),
                        fields(MATERNITY_HEADER,
                                "632521198803150628,卓玛,女,1988/3/15,632521,91632521MA7500001X,正常参保,2015/3/1,201709")),
                Arguments.of("EDUCATION", concat(BOM, utf8(EDUCATION_HEADER + "\r\n"
                                + "G632221201109015617,马小龙,632221201109015617,男,2011-09-01,门源县浩门镇第一小学,632221,小学,2017-09,632221100\r\n")),
                        fields(EDUCATION_HEADER,
                                "G632221201109015617,马小龙,632221201109015617,男,2011-09-01,门源县浩门镇第一小学,632221,小学,2017-09,632221100")),
                Arguments.of("JUSTICE", gbk(JUSTICE_HEADER + "\r\n"
                                + "630202197506016635,韩永福,1,20160501,20210430,青海省西宁监狱,630105,1\r\n"),
                        fields(JUSTICE_HEADER, "630202197506016635,韩永福,1,20160501,20210430,青海省西宁监狱,630105,1")));
    }

    private static Map<String, String> fields(String header, String row) {
        String[] names = header.split(",");
        String[] values = row.split(",", -1);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            fields.put(names[i], values[i]);
        }
        return fields;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specHeaders")
    void readsTheSpecHeaderAndRowOfEverySystemByColumnName(String system, byte[] file, Map<String, String> expected) {
        List<RawRecord> records = read(Formats.of(system), file).completed();

        assertThat(records).hasSize(1);
        RawRecord record = records.get(0);
        assertThat(record.parsed()).isTrue();
        assertThat(record.number()).isEqualTo(1);
        assertThat(record.fields()).containsExactlyEntriesOf(expected);
    }

    @Test
    void readsCardFileWithoutBomAsTheSpecPrescribes() {
        byte[] file = utf8(CARD_HEADER + "\n" + CARD_ROW + "\n");

        assertThat(read(Formats.of("CARD"), file).completed().get(0).fields()).containsEntry("id_number",
                "632221195503126017");
    }

    @Test
    void toleratesBomInCardFileAlthoughTheSpecSaysNone() {
        byte[] file = concat(BOM, utf8(CARD_HEADER + "\n" + CARD_ROW + "\n"));

        RawRecord record = read(Formats.of("CARD"), file).completed().get(0);

        assertThat(record.fields().keySet()).first().isEqualTo("id_number");
        assertThat(record.fields()).containsEntry("id_number", "632221195503126017");
    }

    @Test
    void toleratesMaternityFileWithoutTheBomTheSpecPrescribes() {
        byte[] file = utf8(MATERNITY_HEADER + "\r\n"
                + "632521198803150628,卓玛,女,1988/3/15,632521,,正常参保,2015/3/1,201709\r\n");

        RawRecord record = read(Formats.of("MATERNITY"), file).completed().get(0);

        assertThat(record.fields()).containsEntry("公民身份号码", "632521198803150628").containsEntry("单位编号", "");
    }

    @Test
    void findsReorderedColumnsByNameAndKeepsExtraColumns() {
        byte[] file = utf8("card_status,name,remark,id_number,issue_date,sex,issue_region,birth_date,card_no,ethnicity\n"
                + "2,马福林,补卡,632221195503126017,20150301,1,632221,19550312,Q63000000001,03\n");

        RawRecord record = read(Formats.of("CARD"), file).completed().get(0);

        assertThat(record.fields()).contains(entry("id_number", "632221195503126017"), entry("name", "马福林"),
                entry("sex", "1"), entry("ethnicity", "03"), entry("birth_date", "19550312"),
                entry("card_no", "Q63000000001"), entry("issue_region", "632221"), entry("card_status", "2"),
                entry("issue_date", "20150301"), entry("remark", "补卡"));
    }

    @Test
    void rejectsFileMissingARequiredColumnNamingIt() {
        byte[] file = utf8("id_number,name,sex,ethnicity,birth_date,issue_region,card_status,issue_date\n"
                + "632221195503126017,马福林,1,03,19550312,632221,1,20150301\n");

        FileFormatException failure = read(Formats.of("CARD"), file).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).contains("card_no");
    }

    @Test
    void rejectsFileWhoseFirstLineIsDataNotTheHeader() {
        byte[] file = utf8(CARD_ROW + "\n");

        assertThat(read(Formats.of("CARD"), file).failed().code()).isEqualTo(ErrorCode.FILE_FORMAT);
    }

    @Test
    void rejectsHeaderNamingAColumnTwice() {
        byte[] file = utf8(CARD_HEADER + ",name\n" + CARD_ROW + ",马福林\n");

        FileFormatException failure = read(Formats.of("CARD"), file).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).contains("twice");
    }

    @Test
    void acceptsHeaderOnlyFileWithNoRecords() {
        assertThat(read(Formats.of("CARD"), utf8(CARD_HEADER + "\n")).completed()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "632221195503126017,\"马福林,1,03,19550312,Q63000000001,632221,1,20150301",
            "632221195503126017,\"马\"福林\",1,03,19550312,Q63000000001,632221,1,20150301",
            "632221195503126017,\"马福林\"x,1,03,19550312,Q63000000001,632221,1,20150301"})
    void rejectsBadlyQuotedRecordAloneAndReadsTheGoodOneAfterIt(String badRow) {
        String good = "632221196002286025,李秀英,2,01,19600228,Q63000000002,632221,1,20150301";
        byte[] file = utf8(CARD_HEADER + "\n" + badRow + "\n" + good + "\n");

        List<RawRecord> records = read(Formats.of("CARD"), file).completed();

        assertThat(records).hasSize(2);
        assertThat(records.get(0).parsed()).isFalse();
        assertThat(records.get(0).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(0).raw()).contains("马");
        assertThat(records.get(1).parsed()).isTrue();
        assertThat(records.get(1).number()).isEqualTo(2);
        assertThat(records.get(1).fields()).containsEntry("name", "李秀英");
    }

    @Test
    void readsQuotedFieldSpanningTwoLinesAsOneRecord() {
        byte[] file = utf8(CARD_HEADER + "\r\n"
                + "632221195503126017,\"马\r\n福林\",1,03,19550312,Q63000000001,632221,1,20150301\r\n"
                + "632221196002286025,李秀英,2,01,19600228,Q63000000002,632221,1,20150301\r\n");

        List<RawRecord> records = read(Formats.of("CARD"), file).completed();

        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).containsEntry("name", "马\n福林").containsEntry("sex", "1");
        assertThat(records.get(1).number()).isEqualTo(2);
        assertThat(records.get(1).fields()).containsEntry("name", "李秀英");
    }

    @Test
    void readsEscapedQuotesAndDelimitersInsideQuotedFields() {
        byte[] file = utf8(CARD_HEADER + "\n"
                + "632221195503126017,\"马,\"\"福林\"\"\",1,03,19550312,Q63000000001,632221,1,20150301\n");

        assertThat(read(Formats.of("CARD"), file).completed().get(0).fields()).containsEntry("name", "马,\"福林\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "632221195503126017,马福林,1,03,19550312,Q63000000001,632221,1",
            "632221195503126017,马福林,1,03,19550312,Q63000000001,632221,1,20150301,",
            "632221195503126017,\"马福林\",1,03,19550312,Q63000000001,632221,1,20150301,x"})
    void rejectsRecordWithWrongNumberOfCells(String row) {
        byte[] file = utf8(CARD_HEADER + "\n" + row + "\n" + CARD_ROW + "\n");

        List<RawRecord> records = read(Formats.of("CARD"), file).completed();

        assertThat(records.get(0).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(0).error().message()).contains("fields");
        assertThat(records.get(1).parsed()).isTrue();
    }

    @Test
    void countsDataRecordsOnlySkippingBlankLines() {
        byte[] file = utf8(CARD_HEADER + "\n\n" + CARD_ROW + "\n   \n"
                + "632221196002286025,李秀英,2,01,19600228,Q63000000002,632221,1,20150301");

        List<RawRecord> records = read(Formats.of("CARD"), file).completed();

        assertThat(records).extracting(RawRecord::number).containsExactly(1L, 2L);
        assertThat(records.get(1).fields()).containsEntry("issue_date", "20150301");
    }

    @Test
    void readsGbkJusticeFileWithMinorityNameAndRareCharacter() {
        byte[] file = gbk(JUSTICE_HEADER + "\r\n"
                + "630202197506016635,阿卜杜热合曼·买买提,1,20160501,20210430,青海省西宁监狱,630105,1\r\n"
                + "630202197710086642,王" + RARE + "英,2,20170101,,青海省女子监狱,630105,2\r\n");

        List<RawRecord> records = read(Formats.of("JUSTICE"), file).completed();

        assertThat(records).extracting(r -> r.fields().get("姓名")).containsExactly("阿卜杜热合曼·买买提",
                "王" + RARE + "英");
        assertThat(records.get(1).fields()).containsEntry("刑期止日", "");
    }

    @Test
    void readsRareCharacterInUtf8CsvToo() {
        byte[] file = concat(BOM, utf8(MATERNITY_HEADER + "\r\n"
                + "632521198803150628,李" + RARE + ",女,1988/3/15,632521,,正常参保,2015/3/1,201709\r\n"));

        assertThat(read(Formats.of("MATERNITY"), file).completed().get(0).fields()).containsEntry("姓名", "李" + RARE);
    }
}
