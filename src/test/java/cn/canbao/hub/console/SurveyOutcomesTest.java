package cn.canbao.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.model.Facts;
import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Participation;
import cn.canbao.hub.model.Person;
import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a survey result's outcome leads to (docs/survey.md): a mark for the national comparison, an enrolment pending
 * until a scheme system states it, a verification item until POLICE confirms it or an operator closes it.
 */
class SurveyOutcomesTest extends HubIntegrationTest {

    private static final OffsetDateTime SURVEYED = OffsetDateTime.of(2017, 11, 2, 10, 15, 0, 0,
            ZoneOffset.ofHours(8));
    private static final OffsetDateTime BEFORE_THE_SURVEY = SURVEYED.minusDays(30);
    private static final OffsetDateTime AFTER_THE_SURVEY = SURVEYED.plusDays(3);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private ApiClient surveyApp;
    private ApiClient operator;
    private SourceRecords records;

    @BeforeEach
    void login() throws Exception {
        surveyApp = ApiClient.as("surveyor", DATA_DIR, port);
        operator = ApiClient.as("operator", DATA_DIR, port);
        records = new SourceRecords(jdbc);
    }

    @Test
    void marksAPersonFoundInsuredElsewhereForTheNationalComparison() throws Exception {
        String person = TestIds.next("632621", 1970, true);

        String resultId = post(person, "FOUND_INSURED_ELSEWHERE", "[]");

        assertThat(jdbc.queryForObject("SELECT id_number FROM national_compare_mark WHERE result_id = ?",
                String.class, resultId)).isEqualTo(person);
        // the national exchange asks about the person within a minute (docs/national.md)
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject("SELECT count(*)"
                + " FROM national_compare_mark m JOIN national_request_person p"
                + " ON p.message_id = m.request_message_id AND p.id_number = m.id_number"
                + " WHERE m.result_id = ? AND m.requested_at IS NOT NULL", Long.class, resultId) == 1);
    }

    @Test
    void showsAnEnrolmentOnSiteAsPendingUntilASchemeSystemStatesItAfterTheSurvey() throws Exception {
        String person = TestIds.next("632621", 1971, false);
        records.police(person, "玛沁甲", "632621100");
        participation(person, "170", BEFORE_THE_SURVEY);
        String resultId = post(person, "ENROLLED_ON_SITE", "[\"390\", \"170\"]");
        assertThat(pendingSchemes(person)).containsExactly("170", "390");

        participation(person, "390", AFTER_THE_SURVEY);

        JsonNode pending = personView(person).at("/survey/pendingEnrolments");
        assertThat(pending).hasSize(1);
        assertThat(pending.at("/0/scheme").asText()).isEqualTo("170");
        assertThat(pending.at("/0/resultId").asText()).isEqualTo(resultId);
    }

    @Test
    void keepsADeathFoundByASurveyOpenUntilPoliceStatesItAfterTheSurvey() throws Exception {
        String person = TestIds.next("632621", 1930, true);
        records.police(person, "玛沁乙", "1", "632621100", "632621100", "1", LocalDate.of(2017, 9, 1), "某某路1号",
                Operation.UPDATE, BEFORE_THE_SURVEY);
        post(person, "DECEASED", "[]");
        JsonNode item = onlyVerificationOf(person);
        assertThat(item.get("status").asText()).isEqualTo("OPEN");
        assertThat(statuses("OPEN")).contains(item.get("id").asLong());

        records.police(person, "玛沁乙", "1", "632621100", "632621100", "2", null, "某某路1号", Operation.UPDATE,
                AFTER_THE_SURVEY);
        assertThat(onlyVerificationOf(person).get("status").asText()).as("a move out confirms no death")
                .isEqualTo("OPEN");
        long death = records.police(person, "玛沁乙", "1", "632621100", "632621100", "1", LocalDate.of(2017, 11, 1),
                "某某路1号", Operation.UPDATE, AFTER_THE_SURVEY.plusDays(1));

        JsonNode confirmed = onlyVerificationOf(person);
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("confirmingRecordId").asLong()).isEqualTo(death);
        assertThat(statuses("OPEN")).doesNotContain(confirmed.get("id").asLong());
        assertThat(statuses("CONFIRMED")).contains(confirmed.get("id").asLong());
    }

    @Test
    void takesAPoliceDeletionAfterTheSurveyAsConfirmingAMoveAway() throws Exception {
        String person = TestIds.next("632621", 1985, false);
        records.police(person, "玛沁丙", "632621100");
        post(person, "MOVED_AWAY", "[]");

        records.police(person, "玛沁丙", "1", "632621100", "632621100", "0", null, "某某路1号", Operation.DELETE,
                AFTER_THE_SURVEY);

        assertThat(onlyVerificationOf(person).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void closesAVerificationItemAnOperatorClosed() throws Exception {
        String person = TestIds.next("632621", 1986, true);
        records.police(person, "玛沁丁", "632621100");
        post(person, "MOVED_AWAY", "[]");
        long id = onlyVerificationOf(person).get("id").asLong();

        HttpResponse<String> closed = operator.postJson("/api/v1/survey-verifications/" + id + "/close",
                "{\"note\": \"户籍仍在本县，家属称外出务工\"}");

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode item = json.readTree(closed.body());
        assertThat(item.get("status").asText()).isEqualTo("CLOSED");
        assertThat(item.get("closedBy").asText()).isEqualTo("operator");
        assertThat(item.get("note").asText()).isEqualTo("户籍仍在本县，家属称外出务工");
        assertThat(statuses("OPEN")).doesNotContain(id);
        assertThat(statuses("CLOSED")).contains(id);
        assertThat(operator.postJson("/api/v1/survey-verifications/999999999/close", "{}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void opensNoVerificationItemForOtherOutcomes() throws Exception {
        String person = TestIds.next("632621", 1987, true);
        records.police(person, "玛沁戊", "632621100");

        post(person, "REFUSED", "[]");

        JsonNode survey = personView(person).get("survey");
        assertThat(survey.get("results")).hasSize(1);
        assertThat(survey.get("verifications")).isEmpty();
        assertThat(survey.get("pendingEnrolments")).isEmpty();
    }

    private String post(String person, String outcome, String schemes) throws Exception {
        String resultId = UUID.randomUUID().toString();
        HttpResponse<String> response = surveyApp.postJson("/api/v1/survey-results", """
                {"resultId": "%s", "idNumber": "%s", "surveyorId": "S-632621-03", "surveyedAt": "%s",
                 "outcome": "%s", "intendedSchemes": %s}
                """.formatted(resultId, person, SURVEYED, outcome, schemes));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return resultId;
    }

    private void participation(String person, String scheme, OffsetDateTime receivedAt) {
        Participation participation = new Participation(scheme, "632621", null, null, "1", "1",
                LocalDate.of(2017, 11, 1), null, YearMonth.of(2017, 11));
        Person named = new Person(person, IdNumberOrigin.AS_GIVEN, null, "玛沁甲", null, null, null, null, null, null,
                null, null, null, null);
        records.write(scheme.startsWith("1") ? "PENSION" : "MEDICAL", person, person + "|" + scheme + "|632621",
                Operation.UPDATE, receivedAt, named, List.of(participation), Facts.NONE);
    }

    private List<String> pendingSchemes(String person) throws Exception {
        return personView(person).at("/survey/pendingEnrolments").findValuesAsText("scheme");
    }

    private JsonNode onlyVerificationOf(String person) throws Exception {
        JsonNode items = personView(person).at("/survey/verifications");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private List<Long> statuses(String status) throws Exception {
        HttpResponse<String> response = operator.get("/api/v1/survey-verifications?status=" + status + "&limit=1000");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).findValues("id").stream().map(JsonNode::asLong).toList();
    }

    private JsonNode personView(String person) throws Exception {
        HttpResponse<String> response = operator.get("/api/v1/persons/" + person);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
