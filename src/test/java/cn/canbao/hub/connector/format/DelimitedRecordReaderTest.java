package cn.canbao.hub.connector.format;

import static cn.canbao.hub.connector.format.Formats.RARE;
import static cn.canbao.hub.connector.format.Formats.gbk;
import static cn.canbao.hub.connector.format.Formats.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import cn.canbao.hub.standard.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PENSION (spec §4.2): GBK, CRLF, {@code |} without quoting, indicator-code header, trailer {@code #END|n}. */
class DelimitedRecordReaderTest {

    private static final FormatSpec PENSION = Formats.of("PENSION");

    private static final String HEADER =
            "AAC002|AAC003|AAC004|AAC005|AAC006|AAE140|AAB301|AAB001|AAB004|AAC008|AAC031|AAE030|AAE031|AAE042\r\n";
    private static final String EMPLOYEE =
            "632221195503126017|马福林|1|03|19550312|110|630105|91630100226590117K|西宁某某机械有限公司|2|3|19850701|20151231|201512\r\n";
    private static final String RESIDENT =
            "632221196002286025|李秀英|2|01|19600228|170|632221|||1|1|20110101||201612\r\n";

    @Test
    void readsTheSpecHeaderRecordsAndTrailer() {
        List<RawRecord> records = read(PENSION, gbk(HEADER + EMPLOYEE + RESIDENT + "#END|2\r\n")).completed();

        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).containsExactly(entry("AAC002", "632221195503126017"),
                entry("AAC003", "马福林"), entry("AAC004", "1"), entry("AAC005", "03"), entry("AAC006", "19550312"),
                entry("AAE140", "110"), entry("AAB301", "630105"), entry("AAB001", "91630100226590117K"),
                entry("AAB004", "西宁某某机械有限公司"), entry("AAC008", "2"), entry("AAC031", "3"),
                entry("AAE030", "19850701"), entry("AAE031", "20151231"), entry("AAE042", "201512"));
        assertThat(records.get(1).fields()).contains(entry("AAB001", ""), entry("AAB004", ""), entry("AAE031", ""));
        assertThat(records).extracting(RawRecord::number).containsExactly(1L, 2L);
    }

    @Test
    void acceptsTrailerWithoutFinalLineBreak() {
        assertThat(read(PENSION, gbk(HEADER + EMPLOYEE + "#END|1")).completed()).hasSize(1);
    }

    @Test
    void acceptsHeaderAndTrailerWithoutRecords() {
        assertThat(read(PENSION, gbk(HEADER + "#END|0\r\n")).completed()).isEmpty();
    }

    @Test
    void rejectsFileWithoutTrailer() {
        Formats.Read read = read(PENSION, gbk(HEADER + EMPLOYEE + RESIDENT));

        FileFormatException failure = read.failed();
        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).contains("#END");
    }

    @ParameterizedTest(name = "#END|{0} for 2 records")
    @CsvSource({"1", "3", "0"})
    void rejectsFileWhoseTrailerCountsWrongly(String count) {
        FileFormatException failure = read(PENSION, gbk(HEADER + EMPLOYEE + RESIDENT + "#END|" + count + "\r\n")).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_COUNT);
        assertThat(failure.getMessage()).contains(count).contains("2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"#END|", "#END|zwei", "#END|-1"})
    void rejectsTrailerWithoutANumber(String trailer) {
        assertThat(read(PENSION, gbk(HEADER + EMPLOYEE + trailer + "\r\n")).failed().code())
                .isEqualTo(ErrorCode.FILE_FORMAT);
    }

    @Test
    void rejectsFileWithALineAfterTheTrailer() {
        FileFormatException failure = read(PENSION, gbk(HEADER + EMPLOYEE + "#END|1\r\n" + RESIDENT)).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).contains("trailer");
    }

    @Test
    void ignoresBlankLinesAfterTheTrailer() {
        assertThat(read(PENSION, gbk(HEADER + EMPLOYEE + "#END|1\r\n\r\n")).completed()).hasSize(1);
    }

    @Test
    void rejectsFileWhoseHeaderLacksAnIndicatorCodeNamingIt() {
        String header = HEADER.replace("AAC031|", "");
        String row = EMPLOYEE.replace("|2|3|", "|2|");

        FileFormatException failure = read(PENSION, gbk(header + row + "#END|1\r\n")).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).contains("AAC031");
    }

    @Test
    void acceptsHeaderWithoutTheOptionalEmployerAndEndDateColumns() {
        String header = "AAC002|AAC003|AAC004|AAC005|AAC006|AAE140|AAB301|AAC008|AAC031|AAE030|AAE042\r\n";
        String row = "632221196002286025|李秀英|2|01|19600228|170|632221|1|1|20110101|201612\r\n";

        RawRecord record = read(PENSION, gbk(header + row + "#END|1\r\n")).completed().get(0);

        assertThat(record.fields()).containsEntry("AAE140", "170").doesNotContainKey("AAB001");
    }

    @Test
    void findsReorderedIndicatorCodesByName() {
        String header = "AAE140|AAC002|AAC003|AAC004|AAC005|AAC006|AAB301|AAB001|AAB004|AAC008|AAC031|AAE030|AAE031|AAE042|AAE011\r\n";
        String row = "120|632221195503126017|马福林|1|03|19550312|630105|12630000MB1234567X|某某中学|1|1|19850701||201709|extra\r\n";

        RawRecord record = read(PENSION, gbk(header + row + "#END|1\r\n")).completed().get(0);

        assertThat(record.fields()).contains(entry("AAE140", "120"), entry("AAC002", "632221195503126017"),
                entry("AAE042", "201709"), entry("AAE011", "extra"));
    }

    @Test
    void takesQuotesLiterallyBecausePensionHasNoQuoting() {
        String row = "632221195503126017|\"马福林|1|03|19550312|110|630105|||1|1|19850701||201709\r\n";

        RawRecord record = read(PENSION, gbk(HEADER + row + "#END|1\r\n")).completed().get(0);

        assertThat(record.fields()).containsEntry("AAC003", "\"马福林");
    }

    @Test
    void rejectsRecordWithWrongNumberOfFieldsAndReadsOn() {
        String shortRow = "632221195503126017|马福林|1|03|19550312|110|630105\r\n";

        List<RawRecord> records = read(PENSION, gbk(HEADER + shortRow + RESIDENT + "#END|2\r\n")).completed();

        assertThat(records.get(0).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(0).raw()).contains("马福林");
        assertThat(records.get(1).fields()).containsEntry("AAC003", "李秀英");
    }

    @Test
    void readsRareCharacterAndMinorityNameInGbk() {
        String rows = EMPLOYEE.replace("马福林", "马" + RARE + "林") + RESIDENT.replace("李秀英", "才让·多杰");

        List<RawRecord> records = read(PENSION, gbk(HEADER + rows + "#END|2\r\n")).completed();

        assertThat(records).extracting(r -> r.fields().get("AAC003")).containsExactly("马" + RARE + "林", "才让·多杰");
    }

    @Test
    void rejectsRecordWithBytesInvalidInGbkAndReadsOn() {
        byte[] bad = Formats.concat(gbk("632221195503126017|马"), new byte[] {(byte) 0x80, (byte) 0xFF},
                gbk("|1|03|19550312|110|630105|||1|1|19850701||201709\r\n"));
        byte[] file = Formats.concat(gbk(HEADER), bad, gbk(RESIDENT + "#END|2\r\n"));

        List<RawRecord> records = read(PENSION, file).completed();

        assertThat(records.get(0).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(0).raw()).contains("\\x80").doesNotContain("\uFFFD");
        assertThat(records.get(1).fields()).containsEntry("AAC003", "李秀英");
    }
}
