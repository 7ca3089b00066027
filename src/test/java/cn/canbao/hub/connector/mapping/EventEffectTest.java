package cn.canbao.hub.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Participation;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.standard.CodeTables;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.RegionCodes;
import cn.canbao.hub.standard.Regions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The effect of each event type on the participation its record states (docs/connectors.md, "Participation
 * events"), on a PENSION-like descriptor: the type fills in what the record leaves empty, keeps what it states, and
 * a contribution status that contradicts it rejects the event.
 */
class EventEffectTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-10-15T00:00:00Z"), ZoneOffset.ofHours(8));
    private static final Standards STANDARDS = new Standards(new IdentityNumbers(CLOCK),
            new RegionCodes(Regions.standard(), "63"), CodeTables.standard());
    private static final OffsetDateTime OCCURRED_AT = OffsetDateTime.parse("2017-10-15T09:30:00+08:00");
    private static final String PERSON = "11010519491231002X";

    private final RecordMapper mapper = new RecordMapper("PENSION", spec(), STANDARDS, Map.of());

    private static MappingSpec spec() {
        LinkedHashMap<String, FieldRule> fields = new LinkedHashMap<>();
        fields.put("person.idNumber", rule("AAC002", FieldType.ID_NUMBER, null, null, true));
        fields.put("participation.scheme", rule("AAE140", FieldType.CODE, "pensionScheme", null, true));
        fields.put("participation.insuredRegion", rule("AAB301", FieldType.REGION, null, null, true));
        fields.put("participation.contributionStatus",
                rule("AAC031", FieldType.CODE, "contributionStatus", null, true));
        fields.put("participation.endDate", rule("AAE031", FieldType.DATE, null, "yyyyMMdd", false));
        fields.put("participation.lastPaidMonth", rule("AAE042", FieldType.MONTH, null, "yyyyMM", false));
        return new MappingSpec(List.of("participation.scheme", "participation.insuredRegion"), null, fields);
    }

    private static FieldRule rule(String from, FieldType type, String table, String pattern, boolean required) {
        return new FieldRule(from, null, null, type, table, null, pattern, required, null);
    }

    private static Map<String, String> record(String status, String endDate, String lastPaidMonth) {
        Map<String, String> record = new HashMap<>(Map.of("AAC002", PERSON, "AAE140", "110", "AAB301", "630102"));
        record.put("AAC031", status);
        record.put("AAE031", endDate);
        record.put("AAE042", lastPaidMonth);
        return record;
    }

    private static RecordContext event(String type) {
        return new RecordContext("event:e-1", SourceReference.ofEvent("e-1"), OCCURRED_AT.plusSeconds(3),
                Operation.EVENT, type, OCCURRED_AT);
    }

    @ParameterizedTest(name = "{0} stating ''{1}'', ''{2}'', ''{3}'' → {4} {5} {6} {7}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // type         | AAC031 | AAE031   | AAE042 | status | end date   | last paid | error (status: the type's)
            "ENROLL         | 1      | -        | 201709 | 1      | -          | 2017-09   | -",
            "ENROLL         | -      | -        | 201709 | 1      | -          | 2017-09   | -",
            "ENROLL         | 2      | -        | -      | 2      | -          | -         | -",
            "SUSPEND        | 2      | -        | 201709 | 2      | -          | 2017-09   | -",
            "SUSPEND        | -      | -        | 201709 | 2      | -          | 2017-09   | -",
            "SUSPEND        | 1      | -        | 201709 | 2      | -          | -         | EVENT_TYPE_CONFLICT",
            "RESUME         | 1      | -        | 201709 | 1      | -          | 2017-09   | -",
            "RESUME         | -      | -        | 201709 | 1      | -          | 2017-09   | -",
            "RESUME         | 2      | -        | 201709 | 1      | -          | -         | EVENT_TYPE_CONFLICT",
            "TERMINATE      | 3      | 20170930 | 201709 | 3      | 2017-09-30 | 2017-09   | -",
            "TERMINATE      | -      | -        | 201709 | 3      | 2017-10-15 | 2017-09   | -",
            "TERMINATE      | 1      | -        | 201709 | 3      | -          | -         | EVENT_TYPE_CONFLICT",
            "TRANSFER_OUT   | 3      | 20170930 | 201709 | 3      | 2017-09-30 | 2017-09   | -",
            "TRANSFER_OUT   | -      | -        | 201709 | 3      | 2017-10-15 | 2017-09   | -",
            "TRANSFER_OUT   | 2      | -        | 201709 | 3      | -          | -         | EVENT_TYPE_CONFLICT",
            "PAYMENT        | 1      | -        | 201710 | 1      | -          | 2017-10   | -",
            "PAYMENT        | 1      | -        | 201708 | 1      | -          | 2017-08   | -",
            "PAYMENT        | -      | -        | -      | 1      | -          | 2017-10   | -",
            "PAYMENT        | 3      | -        | 201710 | 1      | -          | -         | EVENT_TYPE_CONFLICT"})
    void givesEachTypeItsEffectOnTheParticipationItsRecordStates(String type, String status, String endDate,
            String lastPaidMonth, String expectedStatus, LocalDate expectedEnd, String expectedMonth, String error) {
        MappedRecord mapped = mapper.map(record(status, endDate, lastPaidMonth), event(type));

        if (error != null) {
            assertThat(mapped.accepted()).isFalse();
            assertThat(mapped.errors()).singleElement().satisfies(remark -> {
                assertThat(remark.code()).isEqualTo(error);
                assertThat(remark.field()).isEqualTo("AAC031");
                assertThat(remark.message()).isEqualTo("a " + type + " event means contribution status "
                        + expectedStatus + ", the record states " + status);
            });
            return;
        }
        assertThat(mapped.errors()).isEmpty();
        Participation participation = mapped.message().participations().get(0);
        assertThat(participation.contributionStatus()).isEqualTo(expectedStatus);
        assertThat(participation.endDate()).isEqualTo(expectedEnd);
        assertThat(participation.lastPaidMonth())
                .isEqualTo(expectedMonth == null ? null : YearMonth.parse(expectedMonth));
        assertThat(mapped.message().envelope().eventType()).isEqualTo(type);
    }

    @Test
    void stillRequiresTheContributionStatusOfAFileRecord() {
        MappedRecord mapped = mapper.map(record(null, null, "201709"), RecordContext.ofFileRecord("abc:1",
                SourceReference.ofFile("PENSION_630000_20171015_001.txt", 1), OCCURRED_AT, Operation.UPDATE));

        assertThat(mapped.errors()).extracting(Remark::code, Remark::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FIELD_MISSING", "AAC031"));
    }

    @Test
    void reportsAConflictBesideTheRecordsOtherFaults() {
        Map<String, String> record = record("1", null, "201713");

        MappedRecord mapped = mapper.map(record, event("SUSPEND"));

        assertThat(mapped.errors()).extracting(Remark::code).containsExactly("DATE_FORMAT", "EVENT_TYPE_CONFLICT");
    }

    @Test
    void hasAnEffectForEveryEventTypeOfTheCodeTableAndNoOther() {
        assertThat(Arrays.stream(EventEffect.values()).map(Enum::name).toList())
                .containsExactlyElementsOf(CodeTables.standard().table("eventType").codes());
    }
}
