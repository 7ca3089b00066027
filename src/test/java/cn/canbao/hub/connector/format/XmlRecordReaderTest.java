package cn.canbao.hub.connector.format;

import static cn.canbao.hub.connector.format.Formats.RARE;
import static cn.canbao.hub.connector.format.Formats.gbk;
import static cn.canbao.hub.connector.format.Formats.read;
import static cn.canbao.hub.connector.format.Formats.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import cn.canbao.hub.standard.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MEDICAL (spec §4.3, UTF-8) and POLICE (spec §4.7, GBK): StAX, one record element at a time, no DTD. */
class XmlRecordReaderTest {

    private static final FormatSpec MEDICAL = Formats.of("MEDICAL");
    private static final FormatSpec POLICE = Formats.of("POLICE");

    private static final String INSURED = """
              <Insured>
                <IdNumber>632221195503126017</IdNumber>
                <Name>马福林</Name>
                <Sex>1</Sex>
                <BirthDate>1955-03-12</BirthDate>
                <Scheme>310</Scheme>
                <Region>630105</Region>
                <Employer code="91630100226590117K">西宁某某机械有限公司</Employer>
                <Status>ACTIVE</Status>
                <StartDate>2010-05-01</StartDate>
                <EndDate/>
                <LastPaidMonth>2017-09</LastPaidMonth>
              </Insured>
            """;

    private static final String PERSON = """
              <Person op="ADD">
                <GMSFHM>632221195503126017</GMSFHM>
                <XM>马福林</XM>
                <XB>1</XB>
                <MZ>03</MZ>
                <CSRQ>19550312</CSRQ>
                <RYLB>1</RYLB>
                <HJXZQH>632221100</HJXZQH>
                <JZXZQH>630105001</JZXZQH>
                <HJDZ>门源县浩门镇某社区</HJDZ>
                <RYZT>0</RYZT>
                <BDRQ>20171001</BDRQ>
              </Person>
            """;

    static String medical(int count, String... insured) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<MedicalInsuranceExport region=\"630000\" exportDate=\"2017-10-15\" count=\"" + count + "\">\n"
                + String.join("", insured) + "</MedicalInsuranceExport>\n";
    }

    static String police(int count, String... persons) {
        return "<?xml version=\"1.0\" encoding=\"GBK\"?>\n"
                + "<PopulationExchange sender=\"630000\" date=\"20171015\" count=\"" + count + "\">\n"
                + String.join("", persons) + "</PopulationExchange>\n";
    }

    @Test
    void readsTheSpecMedicalExportWithEmployerCodeAndEmptyEndDate() {
        Formats.Read read = read(MEDICAL, utf8(medical(1, INSURED)));

        List<RawRecord> records = read.completed();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).fields()).containsOnly(entry("IdNumber", "632221195503126017"),
                entry("Name", "马福林"), entry("Sex", "1"), entry("BirthDate", "1955-03-12"), entry("Scheme", "310"),
                entry("Region", "630105"), entry("Employer@code", "91630100226590117K"),
                entry("Employer", "西宁某某机械有限公司"), entry("Status", "ACTIVE"), entry("StartDate", "2010-05-01"),
                entry("EndDate", ""), entry("LastPaidMonth", "2017-09"));
        assertThat(read.fileAttributes()).containsEntry("region", "630000").containsEntry("count", "1");
    }

    @Test
    void readsTheSpecPoliceExchangeInGbkWithTheOperationAttribute() {
        String delete = PERSON.replace("ADD", "DELETE").replace("632221195503126017", "632221196002286025")
                .replace("马福林", "才让·多杰");

        List<RawRecord> records = read(POLICE, gbk(police(2, PERSON, delete))).completed();

        assertThat(records.get(0).fields()).containsOnly(entry("@op", "ADD"), entry("GMSFHM", "632221195503126017"),
                entry("XM", "马福林"), entry("XB", "1"), entry("MZ", "03"), entry("CSRQ", "19550312"),
                entry("RYLB", "1"), entry("HJXZQH", "632221100"), entry("JZXZQH", "630105001"),
                entry("HJDZ", "门源县浩门镇某社区"), entry("RYZT", "0"), entry("BDRQ", "20171001"));
        assertThat(records.get(1).fields()).contains(entry("@op", "DELETE"), entry("XM", "才让·多杰"));
        assertThat(records).extracting(RawRecord::number).containsExactly(1L, 2L);
    }

    @Test
    void keepsRareFourByteCharacterInGbkXml() {
        String person = PERSON.replace("马福林", "马" + RARE + "林");

        assertThat(read(POLICE, gbk(police(1, person))).completed().get(0).fields()).containsEntry("XM",
                "马" + RARE + "林");
    }

    @Test
    void keepsRareCharacterWrittenAsCharacterReference() {
        String person = PERSON.replace("马福林", "马&#x2003E;林");

        assertThat(read(POLICE, gbk(police(1, person))).completed().get(0).fields()).containsEntry("XM",
                "马" + RARE + "林");
    }

    @Test
    void readsPredefinedEntitiesAndCdata() {
        String insured = INSURED.replace("西宁某某机械有限公司", "西宁&amp;海东<![CDATA[<分公司>]]>");

        assertThat(read(MEDICAL, utf8(medical(1, insured))).completed().get(0).fields()).containsEntry("Employer",
                "西宁&海东<分公司>");
    }

    @ParameterizedTest(name = "count={0} for 2 records")
    @ValueSource(ints = {0, 1, 3})
    void rejectsFileWhoseCountAttributeDiffersFromTheRecords(int count) {
        FileFormatException failure = read(MEDICAL, utf8(medical(count, INSURED, INSURED))).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_COUNT);
        assertThat(failure.getMessage()).contains("count").contains(Integer.toString(count)).contains("2");
    }

    @Test
    void rejectsFileWithoutCountAttribute() {
        String xml = medical(1, INSURED).replace(" count=\"1\"", "");

        FileFormatException failure = read(MEDICAL, utf8(xml)).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).contains("count");
    }

    @Test
    void rejectsCountAttributeThatIsNoNumber() {
        assertThat(read(MEDICAL, utf8(medical(1, INSURED).replace("count=\"1\"", "count=\"eins\""))).failed().code())
                .isEqualTo(ErrorCode.FILE_FORMAT);
    }

    @Test
    void rejectsWrongRootElementNamingBoth() {
        String xml = police(1, PERSON).replace("PopulationExchange", "MedicalInsuranceExport");

        FileFormatException failure = read(POLICE, gbk(xml)).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).contains("PopulationExchange").contains("MedicalInsuranceExport");
    }

    @Test
    void rejectsMalformedXmlWithLineAndColumn() {
        String xml = medical(1, INSURED.replace("</Name>", "</Nmae>"));

        FileFormatException failure = read(MEDICAL, utf8(xml)).failed();

        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).containsPattern("line 5, column \\d+");
    }

    @Test
    void rejectsTruncatedFile() {
        String xml = medical(2, INSURED, INSURED);
        String truncated = xml.substring(0, xml.lastIndexOf("<Scheme>"));

        Formats.Read read = read(MEDICAL, utf8(truncated));

        assertThat(read.failed().code()).isEqualTo(ErrorCode.FILE_FORMAT);
    }

    @Test
    void refusesExternalEntityWithoutReadingIt() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + medical(1, INSURED.replace("马福林", "&e;")).substring(medical(0).indexOf('\n') + 1);

        Formats.Read read = read(MEDICAL, utf8(xml));

        FileFormatException failure = read.failed();
        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).containsIgnoringCase("DTD").doesNotContain("root:");
        assertThat(read.records()).isEmpty();
    }

    @Test
    void refusesEntityExpansionBomb() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>\n");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + dtd
                + medical(1, INSURED.replace("马福林", "&lol9;")).substring(medical(0).indexOf('\n') + 1);

        Formats.Read read = read(MEDICAL, utf8(xml));

        assertThat(read.failed().code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(read.records()).isEmpty();
    }

    /** The JDK's parser, skipping such a DTD, fails on a message key its bundle lacks (found by the fuzz). */
    @Test
    void refusesDtdHoldingACharacterThatXmlForbidsAsMalformed() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/\u0000passwd\">]>\n"
                + medical(1, INSURED).substring(medical(0).indexOf('\n') + 1);

        Formats.Read read = read(MEDICAL, utf8(xml));

        FileFormatException failure = read.failed();
        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(failure.getMessage()).startsWith("malformed XML at line 2");
        assertThat(read.records()).isEmpty();
    }

    @Test
    void refusesUndeclaredEntityReferenceInARecord() {
        Formats.Read read = read(MEDICAL, utf8(medical(1, INSURED.replace("马福林", "&e;"))));

        assertThat(read.failed().code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(read.parsed()).isEmpty();
    }

    @Test
    void reportsInvalidBytesAtTheirOwnLineAndColumnFarBeyondTheParser() {
        String padding = "  <Note>" + "x".repeat(20_000) + "</Note>\r\n";
        byte[] file = Formats.concat(gbk(police(2, PERSON, padding).replace("</PopulationExchange>\n", "")),
                gbk("  <Person op=\"ADD\">\r\n    <XM>马"), new byte[] {(byte) 0xFF, (byte) 0xFF},
                gbk("林</XM>\r\n  </Person>\r\n</PopulationExchange>\r\n"));

        Formats.Read read = read(POLICE, file);

        assertThat(read.records()).hasSize(1);
        assertThat(read.failed().getMessage()).startsWith("the file holds bytes invalid in GBK (GB18030) at line 18, column 10 ");
    }

    @Test
    void skipsOtherElementsBesideTheRecords() {
        String xml = medical(1, "  <Summary><Total>1</Total></Summary>\n", INSURED);

        assertThat(read(MEDICAL, utf8(xml)).completed()).singleElement()
                .satisfies(r -> assertThat(r.fields()).containsEntry("Name", "马福林"));
    }

    @Test
    void rejectsGbkBytesInUtf8MedicalFileWithoutReplacementCharacters() {
        byte[] file = gbk(medical(1, INSURED));

        Formats.Read read = read(MEDICAL, file);

        assertThat(read.failed().code()).isEqualTo(ErrorCode.FILE_FORMAT);
        assertThat(read.failed().getMessage()).isEqualTo(
                "the file holds bytes invalid in UTF-8 at line 5, column 11 (byte 181)");
        Formats.assertNoMojibake(read.records(), "马福林");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"李英", "才让·多杰", "马福林X"})
    void rejectsRecordOfUtf8TextThatGbkWouldDecodeWithoutComplaintAndReadsOn(String name) {
        String ascii = PERSON.replace("632221195503126017", "632221197001016012").replace("马福林", "Li Lei")
                .replace("门源县浩门镇某社区", "Menyuan");
        String person = PERSON.replace("马福林", name).replace("门源县浩门镇某社区", "Menyuan");
        byte[] utf8Record = utf8(person);
        assertThat(new String(utf8Record, Formats.GBK)).as("decodes as GB18030 without error").doesNotContain("\uFFFD");

        List<RawRecord> records = read(POLICE, Formats.concat(gbk(police(3, ascii).replace("</PopulationExchange>\n", "")),
                utf8Record, gbk(ascii + "</PopulationExchange>\n"))).completed();

        assertThat(records).hasSize(3);
        assertThat(records.get(1).parsed()).isFalse();
        assertThat(records.get(1).error().code()).isEqualTo(ErrorCode.RECORD_SYNTAX);
        assertThat(records.get(1).error().message()).contains("UTF-8");
        assertThat(records.get(1).raw()).contains(name);
        assertThat(records.get(2).fields()).containsEntry("XM", "Li Lei");
        Formats.assertNoMojibake(records, name);
    }

    /** XML cannot be read on after bytes that do not decode, so such a file is rejected whole (no resynchronising). */
    @Test
    void rejectsGbkPoliceFileHoldingBytesInvalidInGbkWithLineAndColumn() {
        String ascii = PERSON.replace("632221195503126017", "632221197001016012").replace("马福林", "Li Lei")
                .replace("门源县浩门镇某社区", "Menyuan");

        Formats.Read read = read(POLICE, utf8(police(2, ascii, PERSON)));

        FileFormatException failure = read.failed();
        assertThat(failure.code()).isEqualTo(ErrorCode.FILE_FORMAT);
        // 马福林 in UTF-8 is 9 bytes: GB18030 pairs them up until the ninth meets the '<' of </XM>
        assertThat(failure.getMessage()).isEqualTo("the file holds bytes invalid in GBK (GB18030) at line 18, column 13 (byte 477)");
        Formats.assertNoMojibake(read.records(), "马福林", "门源县浩门镇某社区");
        assertThat(read.records()).allSatisfy(r -> assertThat(r.fields().get("XM")).isEqualTo("Li Lei"));
    }
}
