package cn.canbao.hub.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.standard.Check;
import cn.canbao.hub.standard.CodeTables;
import cn.canbao.hub.standard.ErrorCode;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.RegionCodes;
import cn.canbao.hub.standard.Regions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping engine on a MATERNITY-like descriptor: conversions, checks, warnings and keys. */
class RecordMapperTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-10-15T00:00:00Z"), ZoneOffset.ofHours(8));
    private static final Standards STANDARDS =
            new Standards(new IdentityNumbers(CLOCK), new RegionCodes(Regions.standard(), "63"), CodeTables.standard());
    private static final RecordContext CONTEXT = RecordContext.ofFileRecord("abc:1",
            SourceReference.ofFile("MATERNITY_630000_20171015_001.csv", 1),
            OffsetDateTime.parse("2017-10-15T08:00:03+08:00"), Operation.UPDATE);

    private static final String WOMAN = "11010519491231002X";

    private final RecordMapper mapper = new RecordMapper("MATERNITY", spec(), STANDARDS, Map.of());

    private static MappingSpec spec() {
        LinkedHashMap<String, FieldRule> fields = new LinkedHashMap<>();
        fields.put("person.idNumber", rule("公民身份号码", FieldType.ID_NUMBER, null, null, null, true, null));
        fields.put("person.name", rule("姓名", FieldType.NAME, null, null, null, true, 10));
        fields.put("person.sex", rule("性别", FieldType.SEX, null, null, null, false, null));
        fields.put("person.birthDate", rule("出生日期", FieldType.DATE, null, null, "yyyy/M/d", false, null));
        fields.put("participation.scheme", new FieldRule(null, "510", null, FieldType.CODE, "scheme", null, null, null, null));
        fields.put("participation.insuredRegion", rule("参保地", FieldType.REGION, null, null, null, true, null));
        fields.put("participation.contributionStatus", rule("参保状态", FieldType.CODE, "contributionStatus",
                Map.of("正常参保", "1", "暂停参保", "2", "终止参保", "3"), null, true, null));
        fields.put("participation.lastPaidMonth", rule("最后缴费年月", FieldType.MONTH, null, null, "yyyyMM", false, null));
        return new MappingSpec(List.of("participation.scheme", "participation.insuredRegion"), null, fields);
    }

    private static FieldRule rule(String from, FieldType type, String table, Map<String, String> map, String pattern,
                                  boolean required, Integer maxLength) {
        return new FieldRule(from, null, null, type, table, map, pattern, required, maxLength);
    }

    private static Map<String, String> record(String... overrides) {
        Map<String, String> record = new HashMap<>(Map.of("公民身份号码", WOMAN, "姓名", "张 三", "性别", "女",
                "出生日期", "1949/12/31", "参保地", "630102", "参保状态", "正常参保", "最后缴费年月", "201709"));
        for (int i = 0; i < overrides.length; i += 2) {
            record.put(overrides[i], overrides[i + 1]);
        }
        return record;
    }

    @Test
    void mapsEveryFieldToItsCanonicalForm() {
        MappedRecord mapped = mapper.map(record(), CONTEXT);

        assertThat(mapped.errors()).isEmpty();
        PersonInsuranceMessage message = mapped.message();
        assertThat(message.envelope().sourceSystem()).isEqualTo("MATERNITY");
        assertThat(message.envelope().messageId()).isEqualTo("abc:1");
        assertThat(message.envelope().operation()).isEqualTo(Operation.UPDATE);
        assertThat(message.person().idNumber()).isEqualTo(WOMAN);
        assertThat(message.person().idNumberOrigin()).isEqualTo(IdNumberOrigin.AS_GIVEN);
        assertThat(message.person().name()).isEqualTo("张 三");
        assertThat(message.person().sex()).isEqualTo("2");
        assertThat(message.person().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(message.participations()).singleElement().satisfies(p -> {
            assertThat(p.scheme()).isEqualTo("510");
            assertThat(p.insuredRegion()).isEqualTo("630102");
            assertThat(p.contributionStatus()).isEqualTo("1");
            assertThat(p.lastPaidMonth()).isEqualTo(YearMonth.of(2017, 9));
        });
        assertThat(message.facts()).isNull();
        assertThat(message.warnings()).isEmpty();
        assertThat(mapped.sourceKey()).isEqualTo(WOMAN + "|510|630102");
    }

    /** A vendor that still sends its own county numbers: a bean translates them, the region check still applies. */
    private static final FieldConverter LOCAL_COUNTY_NUMBERS = value -> switch (value) {
        case "01" -> Check.ok("630102");
        case "99" -> Check.ok("999999");
        default -> Check.fail(ErrorCode.CODE_UNKNOWN, "no county has the local number '" + value + "'");
    };

    @ParameterizedTest(name = "参保地 ''{0}'' → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "01|630102|",
            "99||CODE_UNKNOWN",
            "07||CODE_UNKNOWN"})
    void appliesAFieldBeanBeforeTheFieldsType(String local, String region, String code) {
        MappingSpec spec = spec();
        spec.fields().put("participation.insuredRegion",
                new FieldRule("参保地", null, "localCountyNumbers", FieldType.REGION, null, null, null, true, null));
        RecordMapper withBean = new RecordMapper("MATERNITY", spec, STANDARDS,
                Map.of("localCountyNumbers", LOCAL_COUNTY_NUMBERS));

        MappedRecord mapped = withBean.map(record("参保地", local), CONTEXT);

        if (code == null) {
            assertThat(mapped.errors()).isEmpty();
            assertThat(mapped.message().participations().get(0).insuredRegion()).isEqualTo(region);
        } else {
            assertThat(mapped.errors()).singleElement().extracting(Remark::code).isEqualTo(code);
        }
    }

    @ParameterizedTest(name = "{0} = ''{1}'' → {2}")
    @CsvSource(delimiter = '|', value = {
            "公民身份号码|11010519491231002Y|ID_FORMAT",
            "公民身份号码|110105194912310021|ID_CHECKSUM",
            "公民身份号码|''|FIELD_MISSING",
            "姓名|''|FIELD_MISSING",
            "姓名|阿卜杜热合曼·买买提明江|FIELD_TOO_LONG",
            "性别|X|CODE_UNKNOWN",
            "出生日期|1949-12-31|DATE_FORMAT",
            "出生日期|1949/2/30|DATE_FORMAT",
            "参保地|999999|CODE_UNKNOWN",
            "参保状态|停保|CODE_UNKNOWN",
            "最后缴费年月|201713|DATE_FORMAT"})
    void rejectsARecordWithTheFieldAndCodeAtFault(String field, String value, String code) {
        MappedRecord mapped = mapper.map(record(field, value), CONTEXT);

        assertThat(mapped.accepted()).isFalse();
        assertThat(mapped.message()).isNull();
        assertThat(mapped.errors()).extracting(Remark::field, Remark::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void reportsEveryFaultOfARecordNotOnlyTheFirst() {
        MappedRecord mapped = mapper.map(record("性别", "X", "参保地", ""), CONTEXT);

        assertThat(mapped.errors()).extracting(Remark::code).containsExactly("CODE_UNKNOWN", "FIELD_MISSING");
    }

    @Test
    void upgradesA15DigitNumberAndSaysSo() {
        MappedRecord mapped = mapper.map(record("公民身份号码", "110105491231002", "出生日期", ""), CONTEXT);

        assertThat(mapped.message().person().idNumber()).isEqualTo(WOMAN);
        assertThat(mapped.message().person().idNumberOrigin()).isEqualTo(IdNumberOrigin.UPGRADED_FROM_15);
        assertThat(mapped.message().person().idNumberAsGiven()).isEqualTo("110105491231002");
        assertThat(mapped.message().warnings()).extracting(Remark::code).containsExactly("ID_UPGRADED_FROM_15");
    }

    @Test
    void warnsWhenTheSexContradictsTheIdentityNumber() {
        MappedRecord mapped = mapper.map(record("性别", "男"), CONTEXT);

        assertThat(mapped.accepted()).isTrue();
        assertThat(mapped.message().warnings()).extracting(Remark::code, Remark::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SEX_MISMATCH", "性别"));
    }

    @ParameterizedTest(name = "参保地 {0} → warnings {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {"410102|-", "620102001|-", "330103|REGION_UNVERIFIED"})
    void keepsARegionOfAnotherProvinceAndWarnsWhenTheNationalListDoesNotKnowItsCounty(String region, String warning) {
        MappedRecord mapped = mapper.map(record("参保地", region), CONTEXT);

        assertThat(mapped.accepted()).isTrue();
        assertThat(mapped.message().participations().get(0).insuredRegion()).isEqualTo(region);
        if (warning == null) {
            assertThat(mapped.message().warnings()).isEmpty();
        } else {
            assertThat(mapped.message().warnings()).extracting(Remark::code, Remark::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(warning, "参保地"));
        }
    }

    @Test
    void normalisesNamesAndKeepsWhatWasSent() {
        MappedRecord mapped = mapper.map(record("姓名", " 扎西．多杰 "), CONTEXT);

        assertThat(mapped.message().person().name()).isEqualTo("扎西·多杰");
        assertThat(mapped.message().person().nameAsGiven()).isEqualTo("扎西．多杰");
    }

    @Test
    void writesTheAsGivenFormsOnlyWhereTheyDifferFromTheCanonicalOnes() {
        MappedRecord mapped = mapper.map(record("姓名", "卓玛"), CONTEXT);

        assertThat(mapped.message().person().idNumber()).isEqualTo(WOMAN);
        assertThat(mapped.message().person().idNumberAsGiven()).isNull();
        assertThat(mapped.message().person().name()).isEqualTo("卓玛");
        assertThat(mapped.message().person().nameAsGiven()).isNull();
    }

    @Test
    void keepsALowercaseCheckCharacterAsGiven() {
        MappedRecord mapped = mapper.map(record("公民身份号码", WOMAN.toLowerCase()), CONTEXT);

        assertThat(mapped.message().person().idNumber()).isEqualTo(WOMAN);
        assertThat(mapped.message().person().idNumberAsGiven()).isEqualTo(WOMAN.toLowerCase());
    }

    @Test
    void warnsOfAnUpgradedNumberWithoutRepeatingTheNumber() {
        MappedRecord mapped = mapper.map(record("公民身份号码", "110105491231002"), CONTEXT);

        assertThat(mapped.message().warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.message()).isEqualTo("15-digit identity number converted to 18 characters");
            assertThat(warning.message()).doesNotContain("110105491231002").doesNotContain(WOMAN);
        });
    }

    @Test
    void rejectsARecordTheHubItselfFailsOnInsteadOfFailingItsWholeDelivery() {
        Map<String, String> faulty = new HashMap<>(record()) {
            @Override
            public String get(Object key) {
                if ("参保地".equals(key)) {
                    throw new IllegalStateException("a fault of the hub's own");
                }
                return super.get(key);
            }
        };

        MappedRecord mapped = mapper.map(faulty, CONTEXT);

        assertThat(mapped.accepted()).isFalse();
        assertThat(mapped.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("HUB_FAULT");
            assertThat(error.message()).contains("IllegalStateException");
        });
    }
}
