package cn.canbao.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/v1/survey-results (spec §6) over real HTTP as the survey app. */
class SurveyResultApiTest extends HubIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private ApiClient surveyApp;

    @BeforeEach
    void login() throws Exception {
        surveyApp = ApiClient.as("surveyor", DATA_DIR, port);
    }

    private static String result(String resultId, String idNumber, String outcome) {
        return """
                {"resultId": "%s", "idNumber": "%s", "surveyorId": "S-630102-07",
                 "surveyedAt": "2017-11-02T10:15:00+08:00", "outcome": "%s", "reason": "FLEXIBLE_EMPLOYMENT",
                 "intendedSchemes": ["390", "170"], "phone": "13800000000"}
                """.formatted(resultId, idNumber, outcome);
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

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("REJECTED");
        assertThat(body.get("errors").findValuesAsText("code")).containsExactly("ID_CHECKSUM", "CODE_UNKNOWN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key = ?", Long.class,
                "survey:" + resultId)).isEqualTo(1);
    }

    @Test
    void rejectsABodyThatIsNotJson() throws Exception {
        var response = surveyApp.postJson("/api/v1/survey-results", "{\"resultId\": ");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("RECORD_SYNTAX");
    }
}
