package cn.canbao.hub.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/v1/survey-results (spec §6) over real HTTP as the survey app: what it takes, and the bad input it refuses. */
class SurveyResultApiTest extends HubIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private static final String RESULTS = "/api/v1/survey-results";

    private final ObjectMapper json = new ObjectMapper();
    private ApiClient surveyApp;

    @BeforeEach
    void login() throws Exception {
        surveyApp = ApiClient.as("surveyor", DATA_DIR, port);
    }

    private static String result(String resultId, String idNumber, String outcome) {
        return result(resultId, idNumber, outcome, "FLEXIBLE_EMPLOYMENT", "[\"390\", \"170\"]");
    }

    private static String result(String resultId, String idNumber, String outcome, String reason, String schemes) {
        return """
                {"resultId": "%s", "idNumber": "%s", "surveyorId": "S-630102-07",
                 "surveyedAt": "2017-11-02T10:15:00+08:00", "outcome": "%s", "reason": "%s",
                 "intendedSchemes": %s, "phone": "13800000000"}
                """.formatted(resultId, idNumber, outcome, reason, schemes);
    }

    @Test
    void takesAResultOnceByItsResultId() throws Exception {
        String resultId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1975, true);

        var first = surveyApp.postJson("/api/v1/survey-results", result(resultId, person, "FOUND_UNINSURED"));
        var again = surveyApp.postJson("/api/v1/survey-results", result(resultId, person, "FOUND_UNINSURED"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json.readTree(first.body()).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM survey_result WHERE id_number = ?", Long.class, person))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT posted_by FROM survey_result WHERE result_id = ?", String.class,
                resultId)).isEqualTo("surveyor");
    }

    @Test
    void rejectsAResultWithEveryReasonNamed() throws Exception {
        String resultId = UUID.randomUUID().toString();
        String wrongId = TestIds.withWrongCheckCharacter(TestIds.next("630102", 1976, true));

        var response = surveyApp.postJson("/api/v1/survey-results", result(resultId, wrongId, "GONE_FISHING"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("REJECTED");
        assertThat(body.get("errors").findValuesAsText("code")).containsExactly("ID_CHECKSUM", "CODE_UNKNOWN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key = ?", Long.class,
                "survey:" + resultId)).isEqualTo(1);
    }

    @Test
    void rejectsABodyThatIsNotJson() throws Exception {
        var response = surveyApp.postJson("/api/v1/survey-results", "{\"resultId\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("RECORD_SYNTAX");
    }

    @ParameterizedTest(name = "an unknown {0}")
    @CsvSource(delimiter = '|', value = {
            "outcome         | GONE_FISHING    | FLEXIBLE_EMPLOYMENT | [\"390\"]",
            "reason          | FOUND_UNINSURED | BAD_WEATHER         | [\"390\"]",
            "intendedSchemes | FOUND_UNINSURED | FLEXIBLE_EMPLOYMENT | [\"390\", \"999\"]"})
    void refusesAnUnknownCodeNamingItsField(String field, String outcome, String reason, String schemes)
            throws Exception {
        String body = result(UUID.randomUUID().toString(), TestIds.next("630102", 1977, true), outcome, reason,
                schemes);

        var response = surveyApp.postJson("/api/v1/survey-results", body);

        assertThat(response.statusCode()).as(body).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.at("/0/code").asText()).isEqualTo("CODE_UNKNOWN");
        assertThat(errors.at("/0/field").asText()).isEqualTo(field);
    }

    @Test
    void refusesAnEnrolmentOnSiteThatNamesNoScheme() throws Exception {
        String body = result(UUID.randomUUID().toString(), TestIds.next("630102", 1977, false), "ENROLLED_ON_SITE",
                "FLEXIBLE_EMPLOYMENT", "[]");

        var response = surveyApp.postJson("/api/v1/survey-results", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("intendedSchemes");
    }

    @Test
    void takesAResultAboutAPersonOnNoRosterAndFlagsIt() throws Exception {
        String resultId = UUID.randomUUID().toString();

        var response = surveyApp.postJson("/api/v1/survey-results",
                result(resultId, TestIds.next("630102", 1979, true), "FOUND_UNINSURED"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json.readTree(response.body()).get("flags").get(0).asText()).isEqualTo("NOT_ON_ROSTER");
        assertThat(jdbc.queryForObject("SELECT 'NOT_ON_ROSTER' = ANY (flags) FROM survey_result WHERE result_id = ?",
                Boolean.class, resultId)).isTrue();
    }

    @Test
    void refusesTheSameResultIdWithAnotherBodyNamingWhatDiffers() throws Exception {
        String resultId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1980, true);
        assertThat(surveyApp.postJson("/api/v1/survey-results", result(resultId, person, "FOUND_UNINSURED"))
                .statusCode()).isEqualTo(201);

        var conflict = surveyApp.postJson("/api/v1/survey-results", result(resultId, person, "REFUSED"));

        assertThat(conflict.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(conflict.body());
        assertThat(body.get("status").asText()).isEqualTo("CONFLICT");
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.at("/errors/0/code").asText()).isEqualTo("RESULT_ID_CONFLICT");
        assertThat(body.at("/errors/0/field").asText()).isEqualTo("outcome");
        assertThat(jdbc.queryForObject("SELECT outcome FROM survey_result WHERE result_id = ?", String.class,
                resultId)).isEqualTo("FOUND_UNINSURED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key LIKE ?", Long.class,
                "survey-conflict:" + resultId + ":%")).isEqualTo(1);
    }

    @Test
    void takesTheSameResultAgainWrittenWithAnotherOffsetAndSchemeOrder() throws Exception {
        String resultId = UUID.randomUUID().toString();
        String person = TestIds.next("630102", 1981, false);
        String first = result(resultId, person, "FOUND_UNINSURED");
        String again = first.replace("2017-11-02T10:15:00+08:00", "2017-11-02T02:15:00Z")
                .replace("[\"390\", \"170\"]", "[\"170\", \"390\"]");

        assertThat(surveyApp.postJson("/api/v1/survey-results", first).statusCode()).isEqualTo(201);
        assertThat(surveyApp.postJson("/api/v1/survey-results", again).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAResultIdThatAnotherClientTook() throws Exception {
        Client client = registeredClient("630102");
        String resultId = UUID.randomUUID().toString();
        String body = result(resultId, TestIds.next("630102", 1982, true), "FOUND_UNINSURED");
        assertThat(surveyApp.postJson("/api/v1/survey-results", body).statusCode()).isEqualTo(201);

        var conflict = client.api().postJson("/api/v1/survey-results", body);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json.readTree(conflict.body()).at("/errors/0/field").asText()).isEqualTo("resultId");
    }

    @Test
    void recordsTheSurveyorTogetherWithTheClientThatPostedTheResult() throws Exception {
        Client client = registeredClient("630102");
        String resultId = UUID.randomUUID().toString();

        assertThat(client.api().postJson("/api/v1/survey-results", result(resultId,
                TestIds.next("630102", 1983, true), "FOUND_UNINSURED")).statusCode()).isEqualTo(201);

        assertThat(jdbc.queryForMap("SELECT surveyor_id, posted_by FROM survey_result WHERE result_id = ?", resultId))
                .containsEntry("surveyor_id", "S-630102-07").containsEntry("posted_by", client.id());
    }

    // --- found by SurveyResultFuzzTest (docs/reliability.md, "Fuzzing") ---

    @Test
    void answersAnEmptyBodyAndAWrongContentTypeWithTheirReasonsNotWithAnEmpty403() throws Exception {
        Client client = registeredClient("630102");

        var empty = client.api().post(RESULTS, "application/json", new byte[0], Duration.ofSeconds(30));
        var plain = client.api().post(RESULTS, "text/plain", result(UUID.randomUUID().toString(),
                TestIds.next("630102", 1984, true), "FOUND_UNINSURED").getBytes(UTF_8), Duration.ofSeconds(30));

        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).at("/errors/0/code").asText()).isEqualTo("RECORD_SYNTAX");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(415);
        assertThat(json.readTree(plain.body()).get("detail").asText()).contains("text/plain");
    }

    @ParameterizedTest(name = "{0} holding {1}")
    @CsvSource(delimiter = '|', value = {
            "resultId   | \\u0000",
            "surveyorId | \\ud800",
            "phone      | \\u0007",
            "outcome    | \\u0000"})
    void refusesTextThatPostgreSqlCannotKeepAsSentNamingItsField(String field, String escape) throws Exception {
        String resultId = UUID.randomUUID().toString();
        String body = result(resultId, TestIds.next("630102", 1985, true), "FOUND_UNINSURED")
                .replaceFirst("(\"" + field + "\": \"[^\"]{2})", "$1" + Matcher.quoteReplacement(escape));

        var response = surveyApp.postJson(RESULTS, body);

        assertRefused(response, "RECORD_SYNTAX", field, resultId);
    }

    @Test
    void refusesABodyThatIsNotUtf8InsteadOfStoringReplacementCharacters() throws Exception {
        String resultId = UUID.randomUUID().toString();
        byte[] gbk = result(resultId, TestIds.next("630102", 1986, true), "FOUND_UNINSURED")
                .replace("S-630102-07", "调查员张三").getBytes(Charset.forName("GBK"));

        var response = surveyApp.post(RESULTS, "application/json", gbk, Duration.ofSeconds(30));

        assertRefused(response, "RECORD_SYNTAX", null, resultId);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "reason     | [\"OTHER\"]",
            "phone      | {\"mobile\": \"13800000000\"}",
            "surveyorId | 42",
            "resultId   | true"})
    void refusesAFieldOfAnotherJsonTypeInsteadOfDroppingOrConvertingIt(String field, String value) throws Exception {
        String resultId = UUID.randomUUID().toString();
        ObjectNode body = (ObjectNode) json.readTree(result(resultId, TestIds.next("630102", 1987, true),
                "FOUND_UNINSURED"));
        body.set(field, json.readTree(value));

        var response = surveyApp.postJson(RESULTS, body.toString());

        assertRefused(response, "RECORD_SYNTAX", field, resultId);
        assertThat(stored("true")).isZero();
    }

    @Test
    void refusesASecondJsonValueAfterTheResult() throws Exception {
        String resultId = UUID.randomUUID().toString();
        String body = result(resultId, TestIds.next("630102", 1988, true), "FOUND_UNINSURED") + "{\"outcome\": 1}";

        var response = surveyApp.postJson(RESULTS, body);

        assertRefused(response, "RECORD_SYNTAX", null, resultId);
    }

    @ParameterizedTest(name = "surveyedAt {0}")
    @CsvSource({"1500-06-01T12:00:00Z, 1500-06-01T12:00:00Z",
            "2017-11-02T10:15:00.123456789+08:00, 2017-11-02T02:15:00.123456Z"})
    void storesTheSurveyTimeAsSentAndTakesTheSameResultAgainAsADuplicate(String sent, String stored)
            throws Exception {
        String resultId = UUID.randomUUID().toString();
        String body = result(resultId, TestIds.next("630102", 1989, true), "FOUND_UNINSURED")
                .replace("2017-11-02T10:15:00+08:00", sent);

        assertThat(surveyApp.postJson(RESULTS, body).statusCode()).isEqualTo(201);
        assertThat(surveyApp.postJson(RESULTS, body).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT surveyed_at FROM survey_result WHERE result_id = ?",
                OffsetDateTime.class, resultId).toInstant()).isEqualTo(Instant.parse(stored));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "surveyedAt -0001-01-01T00:00:00Z     | DATE_FORMAT    | surveyedAt",
            "surveyedAt +10000-01-01T00:00:00Z    | DATE_FORMAT    | surveyedAt",
            "resultId of 65 characters            | FIELD_TOO_LONG | resultId",
            "surveyorId of 65 characters          | FIELD_TOO_LONG | surveyorId"})
    void namesWhatIsWrongWithAnOutOfRangeValue(String what, String code, String field) throws Exception {
        String resultId = UUID.randomUUID().toString();
        ObjectNode body = (ObjectNode) json.readTree(result(resultId, TestIds.next("630102", 1990, true),
                "FOUND_UNINSURED"));
        body.put(field, what.contains(" of 65 ") ? "r".repeat(65) : what.substring(what.indexOf(' ') + 1));

        var response = surveyApp.postJson(RESULTS, body.toString());

        assertRefused(response, code, field, resultId);
    }

    /** 400 with an error of the code naming the field (null: the body as a whole), and nothing stored. */
    private void assertRefused(HttpResponse<String> response, String code, String field, String resultId)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors).as(response.body()).anySatisfy(error -> {
            assertThat(error.get("code").asText()).isEqualTo(code);
            assertThat(error.hasNonNull("field") ? error.get("field").asText() : null).isEqualTo(field);
        });
        assertThat(stored(resultId)).isZero();
    }

    private long stored(String resultId) {
        return jdbc.queryForObject("SELECT count(*) FROM survey_result WHERE result_id = ?", Long.class, resultId);
    }

    private record Client(String id, ApiClient api) {
    }

    private Client registeredClient(String region) throws Exception {
        String clientId = "xining-" + UUID.randomUUID().toString().substring(0, 8);
        var registered = ApiClient.as("operator", DATA_DIR, port).postJson("/api/v1/survey-clients",
                "{\"clientId\": \"" + clientId + "\", \"regions\": [\"" + region + "\"]}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return new Client(clientId, ApiClient.withPassword(clientId,
                json.readTree(registered.body()).get("secret").asText(), port));
    }
}
