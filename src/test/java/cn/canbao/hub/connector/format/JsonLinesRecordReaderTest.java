package cn.canbao.hub.connector.format;

import static cn.canbao.hub.connector.format.Formats.RARE;
import static cn.canbao.hub.connector.format.Formats.read;
import static cn.canbao.hub.connector.format.Formats.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import cn.canbao.hub.standard.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** INJURY (spec §4.5): UTF-8, one JSON object per line; a bad line is rejected alone. */
class JsonLinesRecordReaderTest {

    private static final FormatSpec INJURY = Formats.of("INJURY");

    private static final String FIRST = "{\"idNumber\":\"632221195503126017\",\"name\":\"马福林\",\"sex\":\"M\","
            + "\"birthDate\":\"1955-03-12\",\"region\":\"632221\",\"employerId\":\"91632221MA7500001X\",\"status\":\"1\","
            + "\"startDate\":\"2015-03-01\",\"lastPaidMonth\":\"2017-09\"}";
    private static final String SECOND = "{\"idNumber\":\"632221196002286025\",\"name\":\"李秀英\",\"sex\":\"F\","
            + "\"birthDate\":\"1960-02-28\",\"region\":\"632221\",\"status\":\"2\",\"startDate\":\"2016-01-01\","
            + "\"lastPaidMonth\":\"2017-06\"}";

    @Test
    void readsTheSpecFieldsOfEveryLine() {
        List<RawRecord> records = read(INJURY, utf8(FIRST + "\n" + SECOND + "\n")).completed();

        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).containsExactly(entry("idNumber", "632221195503126017"),
                entry("name", "马福林"), entry("sex", "M"), entry("birthDate", "1955-03-12"), entry("region", "632221"),
                entry("employerId", "91632221MA7500001X"), entry("status", "1"), entry("startDate", "2015-03-01"),
                entry("lastPaidMonth", "2017-09"));
        assertThat(records.get(1).fields()).doesNotContainKey("employerId").containsEntry("status", "2");
        assertThat(records.get(0).raw()).isEqualTo(FIRST);
    }

    @Test
    void readsNumbersAsTheirTextAndLeavesNullsOut() {
        String line = "{\"idNumber\":\"632221195503126017\",\"name\":\"马福林\",\"status\":1,\"employerId\":null}";

        assertThat(read(INJURY, utf8(line)).completed().get(0).fields()).containsOnly(
                entry("idNumber", "632221195503126017"), entry("name", "马福林"), entry("status", "1"));
    }

    @Test
    void readsEscapesRareCharacterAndMinorityName() {
        String line = FIRST.replace("马福林", "\\u624d\\u8ba9\\u00b7\\u591a\\u6770")
                + "\r\n" + SECOND.replace("李秀英", "李" + RARE);

        List<RawRecord> records = read(INJURY, utf8(line)).completed();

        assertThat(records).extracting(r -> r.fields().get("name")).containsExactly("才让·多杰", "李" + RARE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"idNumber\":\"632221197001016012\",\"name\":\"王五\"",
            "{\"idNumber\":\"632221197001016012\" \"name\":\"王五\"}",
            "idNumber=632221197001016012",
            "[\"632221197001016012\",\"王五\"]",
            "\"632221197001016012\"",
            "{\"idNumber\":\"632221197001016012\"} {\"name\":\"王五\"}"})
    void rejectsLineThatIsNoJsonObjectAndReadsTheNextOne(String bad) {
        List<RawRecord> records = read(INJURY, utf8(FIRST + "\n" + bad + "\n" + SECOND + "\n")).completed();

        assertThat(records).hasSize(3);
        assertThat(records.get(0).parsed()).isTrue();
        assertThat(records.get(1).parsed()).isFalse();
        assertThat(records.get(1).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(1).error().message()).contains("line 2");
        assertThat(records.get(1).raw()).isEqualTo(bad);
        assertThat(records.get(2).number()).isEqualTo(3);
        assertThat(records.get(2).fields()).containsEntry("name", "李秀英");
    }

    @Test
    void skipsBlankLinesWithoutCountingThem() {
        List<RawRecord> records = read(INJURY, utf8("\n" + FIRST + "\n\n  \n" + SECOND)).completed();

        assertThat(records).extracting(RawRecord::number).containsExactly(1L, 2L);
    }

    @Test
    void toleratesAByteOrderMark() {
        byte[] file = Formats.concat(Formats.BOM, utf8(FIRST + "\n"));

        assertThat(read(INJURY, file).completed().get(0).fields()).containsEntry("idNumber", "632221195503126017");
    }
}
