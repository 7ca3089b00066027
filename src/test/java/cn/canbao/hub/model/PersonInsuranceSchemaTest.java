package cn.canbao.hub.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.standard.CodeTables;
import cn.canbao.hub.standard.ErrorCode;
import cn.canbao.hub.standard.IdNumberCheck;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.Names;
import cn.canbao.hub.standard.Regions;
import cn.canbao.hub.support.CanonicalSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PersonInsuranceSchemaTest {

    private static final String RESOURCE = CanonicalSchema.RESOURCE;
    private static final JsonSchema SCHEMA = CanonicalSchema.SCHEMA;

    private static JsonNode schemaTree() throws IOException {
        try (InputStream in = PersonInsuranceSchemaTest.class.getResourceAsStream(RESOURCE)) {
            return CanonicalJson.mapper().readTree(in);
        }
    }

    static List<String> samples() {
        return Samples.names();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleIsValid(String sample) {
        assertThat(SCHEMA.validate(Samples.tree(sample))).isEmpty();
    }

    @Test
    void samplesCoverEverySourceSystemAnEventAndAStudentWithoutIdentityNumber() {
        List<PersonInsuranceMessage> messages = samples().stream().map(Samples::text).map(CanonicalJson::read).toList();

        assertThat(messages).extracting(message -> message.envelope().sourceSystem()).contains(
                "CARD", "PENSION", "MEDICAL", "UNEMPLOYMENT", "INJURY", "MATERNITY", "POLICE", "EDUCATION", "JUSTICE", "CIVIL");
        assertThat(messages).anySatisfy(message -> assertThat(message.envelope().operation()).isEqualTo(Operation.EVENT));
        assertThat(messages).anySatisfy(message -> {
            assertThat(message.envelope().sourceSystem()).isEqualTo("EDUCATION");
            assertThat(message.person().idNumberOrigin()).isEqualTo(IdNumberOrigin.ABSENT);
        });
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleHoldsWhatTheStandardsWouldProduce(String sample) {
        Person person = CanonicalJson.read(Samples.text(sample)).person();
        IdNumberCheck id = IdentityNumbers.standard().check(person.idNumberAsGiven() != null ? person.idNumberAsGiven() : person.idNumber());

        if (person.idNumberOrigin() != IdNumberOrigin.ABSENT) {
            assertThat(id.ok()).as(id.message()).isTrue();
            assertThat(id.idNumber()).isEqualTo(person.idNumber());
            assertThat(id.upgradedFrom15()).isEqualTo(person.idNumberOrigin() == IdNumberOrigin.UPGRADED_FROM_15);
        }
        String original = person.nameAsGiven() != null ? person.nameAsGiven() : person.name();
        assertThat(Names.normalise(original).normalised()).isEqualTo(person.name());
        for (String region : Arrays.asList(person.householdRegion(), person.residenceRegion())) {
            if (region != null) {
                assertThat(Regions.standard().find(region)).as(region).isPresent();
            }
        }
    }

    static Stream<Arguments> requiredFields() {
        return Stream.of(
                Arguments.of("card.json", "", "envelope"),
                Arguments.of("card.json", "", "person"),
                Arguments.of("card.json", "", "participations"),
                Arguments.of("card.json", "", "warnings"),
                Arguments.of("card.json", "/envelope", "messageId"),
                Arguments.of("card.json", "/envelope", "schemaVersion"),
                Arguments.of("card.json", "/envelope", "sourceSystem"),
                Arguments.of("card.json", "/envelope", "receivedAt"),
                Arguments.of("card.json", "/envelope", "operation"),
                Arguments.of("pension-event.json", "/envelope", "eventType"),
                Arguments.of("card.json", "/person", "idNumber"),
                Arguments.of("card.json", "/person", "idNumberOrigin"),
                Arguments.of("card.json", "/person", "name"),
                Arguments.of("pension.json", "/person", "idNumberAsGiven"),
                Arguments.of("pension.json", "/participations/0", "scheme"),
                Arguments.of("pension.json", "/participations/0", "contributionStatus"),
                Arguments.of("pension.json", "/warnings/0", "code"),
                Arguments.of("pension.json", "/envelope/sourceReference", "record"));
    }

    @ParameterizedTest(name = "{0} without {1}/{2}")
    @MethodSource("requiredFields")
    void aSampleMissingARequiredFieldIsInvalid(String sample, String parent, String field) {
        ObjectNode message = Samples.tree(sample);
        JsonNode container = parent.isEmpty() ? message : message.at(parent);
        assertThat(container.has(field)).as("sample has the field").isTrue();

        ((ObjectNode) container).remove(field);

        assertThat(SCHEMA.validate(message)).isNotEmpty();
    }

    @ParameterizedTest(name = "{1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "card.json|/person|sex|M",
            "card.json|/person|ethnicity|1",
            "card.json|/person|birthDate|19800101",
            "card.json|/person|birthDate|1980-02-30",
            "card.json|/person|idNumber|63010219800101123x",
            "card.json|/envelope|receivedAt|2017-10-15 08:00:03",
            "card.json|/envelope|receivedAt|2017-10-15T08:00:03",
            "card.json|/envelope|schemaVersion|2",
            "card.json|/envelope|sourceSystem|BANK",
            "card.json|/envelope|eventType|ENROLL",
            "card.json|/facts/card|status|4",
            "pension.json|/participations/0|scheme|330",
            "pension.json|/participations/0|lastPaidMonth|2016-13",
            "pension.json|/participations/0|insuredRegion|63010",
            "pension.json|/warnings/0|code|ID_CHECKSUM",
            "pension-event.json|/envelope|eventType|CANCEL",
            "education-without-id-number.json|/person|idNumber|630102200503200218",
            "education.json|/facts/student|stage|大学",
            "civil.json|/facts/assistance|category|2",
            "justice.json|/facts/custody|status|0",
            "police.json|/person|vitalStatus|9",
            "police.json|/person|populationCategory|3"})
    void aSampleWithAValueOutsideItsFormIsInvalid(String sample, String parent, String field, String value) {
        ObjectNode message = Samples.tree(sample);

        ((ObjectNode) message.at(parent)).set(field, TextNode.valueOf(value));

        assertThat(SCHEMA.validate(message)).isNotEmpty();
    }

    @Test
    void aMessageWithEveryFieldFilledAsCanonicalJsonWritesItIsValid() {
        OffsetDateTime at = OffsetDateTime.parse("2017-10-15T08:00:00.120+08:00");
        LocalDate day = LocalDate.of(2017, 10, 1);
        PersonInsuranceMessage message = new PersonInsuranceMessage(
                new Envelope("m-1", "1", "PENSION", new SourceReference("f.txt", 1L, "e-1", 2L), at, Operation.EVENT,
                        "PAYMENT", at.withOffsetSameInstant(ZoneOffset.UTC)),
                new Person("630102198001011230", IdNumberOrigin.UPGRADED_FROM_15, "630102800101123", "张三", " 张三",
                        "1", "01", day, "1", "630102001", "630102001", "0", "城中区", day),
                List.of(new Participation("110", "630102", "E1", "某公司", "1", "1", day, day, YearMonth.of(2017, 9))),
                new Facts(new Student("S1", "某校", "630102", "高中", YearMonth.of(2017, 9), "630102"),
                        new Custody(day, day, "某监狱", "630102", "2"),
                        new Assistance("99", "630102001", day, day),
                        new Card("C1", "630102", "3", day)),
                List.of(new Remark("REGION_UNVERIFIED", "AAB301", "county 410199 is not in the national divisions")));

        Set<ValidationMessage> errors = SCHEMA.validate(Samples.treeOf(CanonicalJson.write(message)));

        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaIsItselfAValidDraft202012Schema() throws IOException {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SchemaId.V202012));

        assertThat(metaSchema.validate(schemaTree())).isEmpty();
    }

    @Test
    void thePublishedCopyInDocsEqualsTheSchemaResource() throws IOException {
        assertThat(Files.readString(Path.of("docs/schema/person-insurance-v1.json")))
                .isEqualTo(Files.readString(Path.of("src/main/resources" + RESOURCE)));
    }

    @ParameterizedTest
    @CsvSource({
            "'', cn.canbao.hub.model.PersonInsuranceMessage",
            "/$defs/envelope, cn.canbao.hub.model.Envelope",
            "/$defs/sourceReference, cn.canbao.hub.model.SourceReference",
            "/$defs/person, cn.canbao.hub.model.Person",
            "/$defs/participation, cn.canbao.hub.model.Participation",
            "/$defs/facts, cn.canbao.hub.model.Facts",
            "/$defs/student, cn.canbao.hub.model.Student",
            "/$defs/custody, cn.canbao.hub.model.Custody",
            "/$defs/assistance, cn.canbao.hub.model.Assistance",
            "/$defs/card, cn.canbao.hub.model.Card",
            "/$defs/remark, cn.canbao.hub.model.Remark"})
    void describesEveryComponentOfEveryRecordAndNothingElse(String pointer, Class<?> record) throws IOException {
        List<String> described = new ArrayList<>();
        schemaTree().at(pointer + "/properties").fieldNames().forEachRemaining(described::add);

        assertThat(described).containsExactlyElementsOf(
                Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @ParameterizedTest
    @CsvSource({"sex", "ethnicity", "scheme", "contributionStatus", "personStatus", "populationCategory",
            "vitalStatus", "custodyStatus", "assistanceCategory", "cardStatus", "schoolStage", "eventType"})
    void codeEnumerationsAreTheCodeTables(String table) throws IOException {
        assertThat(enumeration(table)).containsExactlyElementsOf(CodeTables.standard().table(table).codes());
    }

    @Test
    void otherEnumerationsAreTheJavaEnumsAndTheWarningCodes() throws IOException {
        assertThat(enumeration("operation")).containsExactlyElementsOf(names(Operation.values()));
        assertThat(enumeration("idNumberOrigin")).containsExactlyElementsOf(names(IdNumberOrigin.values()));
        assertThat(enumeration("warningCode")).containsExactlyElementsOf(
                Arrays.stream(ErrorCode.values()).filter(ErrorCode::warning).map(Enum::name).toList());
    }

    private static List<String> enumeration(String definition) throws IOException {
        List<String> values = new ArrayList<>();
        schemaTree().at("/$defs/" + definition + "/enum").forEach(value -> values.add(value.asText()));
        assertThat(values).as(definition).isNotEmpty();
        return values;
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
