package cn.canbao.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The survey loop end to end over real HTTP (issue 17, "Done when"): a client registered for one county posts a
 * result there (201, again 200), is refused another county's person and roster (403), and the county's survey rate
 * moves at once, without a new run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyLoopTest extends HubIntegrationTest {

    private static final String OWN_COUNTY = "632522";
    private static final String OWN_PREFECTURE = "632500";
    private static final String OTHER_COUNTY = "632523";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final String neighbour = TestIds.next(OWN_COUNTY, 1975, true);
    private final String stranger = TestIds.next(OTHER_COUNTY, 1980, false);
    private final String twiceSurveyed = TestIds.next(OWN_COUNTY, 1976, false);
    private final String insured = TestIds.next(OWN_COUNTY, 1977, true);
    private final String townsman = TestIds.next(OWN_COUNTY, 1978, true);
    private ApiClient operator;
    private long runId;

    @BeforeAll
    void rosterTheCounties() throws Exception {
        operator = ApiClient.as("operator", DATA_DIR, port);
        SourceRecords records = new SourceRecords(jdbc);
        records.police(neighbour, "同德甲", OWN_COUNTY + "100");
        records.police(stranger, "贵德乙", OTHER_COUNTY + "100");
        records.police(twiceSurveyed, "同德丙", OWN_COUNTY + "100");
        records.police(insured, "同德丁", OWN_COUNTY + "100");
        records.participation(insured, "390", OWN_COUNTY, "1", null, YearMonth.of(2017, 9));
        records.participation(insured, "170", OWN_COUNTY, "1", "1", YearMonth.of(2017, 9));
        records.police(townsman, "同德戊", OWN_COUNTY + "101");
        runId = completedRun();
    }

    @Test
    void aCountysClientSurveysItsRosterAndTheCountysSurveyRateMovesWithoutANewRun() throws Exception {
        // an operator registers the county's app client; its secret is answered once
        ApiClient app = registeredClient("tongde-app", OWN_COUNTY);

        // the app reads its county's roster, where the neighbour is still to be visited
        JsonNode roster = body(app.get("/api/v1/rosters/" + OWN_COUNTY));
        JsonNode row = rowOf(roster, neighbour);
        assertThat(row.has("latestSurvey")).isFalse();
        JsonNode countyBefore = body(operator.get("/api/v1/stats?region=" + OWN_COUNTY)).get("region");
        JsonNode prefectureBefore = body(operator.get("/api/v1/stats?region=" + OWN_PREFECTURE)).get("region");
        JsonNode provinceBefore = body(operator.get("/api/v1/stats")).get("region");

        // a result posted there is taken, and taken once
        String result = result(UUID.randomUUID().toString(), neighbour, "FOUND_UNINSURED");
        assertThat(app.postJson("/api/v1/survey-results", result).statusCode()).isEqualTo(201);
        assertThat(app.postJson("/api/v1/survey-results", result).statusCode()).isEqualTo(200);

        // another county's person and roster are refused
        assertThat(app.postJson("/api/v1/survey-results", result(UUID.randomUUID().toString(), stranger,
                "FOUND_UNINSURED")).statusCode()).isEqualTo(403);
        assertThat(app.get("/api/v1/rosters/" + OTHER_COUNTY).statusCode()).isEqualTo(403);

        // the survey rate of the county, its prefecture and the province moved in the same run
        JsonNode county = body(operator.get("/api/v1/stats?region=" + OWN_COUNTY));
        assertThat(county.get("runId").asLong()).isEqualTo(runId);
        assertThat(county.at("/region/rostered").asLong()).isEqualTo(countyBefore.get("rostered").asLong());
        assertThat(county.at("/region/surveyed").asLong()).isEqualTo(countyBefore.get("surveyed").asLong() + 1);
        assertThat(county.at("/region/surveyRate").asDouble()).isEqualTo(
                (countyBefore.get("surveyed").asLong() + 1.0) / countyBefore.get("rostered").asLong());
        assertThat(county.at("/region/surveyTarget").asDouble()).isEqualTo(0.9);
        assertThat(body(operator.get("/api/v1/stats?region=" + OWN_PREFECTURE)).at("/region/surveyed").asLong())
                .isEqualTo(prefectureBefore.get("surveyed").asLong() + 1);
        assertThat(body(operator.get("/api/v1/stats")).at("/region/surveyed").asLong())
                .isEqualTo(provinceBefore.get("surveyed").asLong() + 1);

        // and the roster shows the visit, so nobody goes there again by mistake
        JsonNode visited = rowOf(body(app.get("/api/v1/rosters/" + OWN_COUNTY)), neighbour);
        assertThat(visited.at("/latestSurvey/outcome").asText()).isEqualTo("FOUND_UNINSURED");
        assertThat(visited.at("/latestSurvey/surveyedAt").asText()).isEqualTo("2017-11-02T10:15:00+08:00");
    }

    @Test
    void countsAPersonOnceHoweverManyResultsArrive() throws Exception {
        ApiClient app = registeredClient("tongde-team", OWN_COUNTY);
        long before = surveyed(OWN_COUNTY);

        assertThat(app.postJson("/api/v1/survey-results", result(UUID.randomUUID().toString(), twiceSurveyed,
                "NOT_FOUND")).statusCode()).isEqualTo(201);
        assertThat(app.postJson("/api/v1/survey-results", result(UUID.randomUUID().toString(), twiceSurveyed,
                "REFUSED")).statusCode()).isEqualTo(201);

        assertThat(surveyed(OWN_COUNTY)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM survey_result WHERE id_number = ?", Long.class,
                twiceSurveyed)).isEqualTo(2);
    }

    @Test
    void takesAndFlagsAResultAboutAPersonOfItsCountyTheRunDidNotRoster() throws Exception {
        ApiClient app = registeredClient("tongde-flags", OWN_COUNTY);
        long before = surveyed(OWN_COUNTY);
        String resultId = UUID.randomUUID().toString();

        HttpResponse<String> taken = app.postJson("/api/v1/survey-results", result(resultId, insured,
                "FOUND_UNINSURED"));

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        assertThat(json.readTree(taken.body()).get("flags").get(0).asText()).isEqualTo("NOT_ON_ROSTER");
        assertThat(jdbc.queryForObject("SELECT array_to_string(flags, ',') FROM survey_result WHERE result_id = ?",
                String.class, resultId)).isEqualTo("NOT_ON_ROSTER");
        assertThat(surveyed(OWN_COUNTY)).isEqualTo(before);
    }

    @Test
    void keepsATownshipsClientToThePersonsOfItsTownship() throws Exception {
        ApiClient township = registeredClient("tongde-100", OWN_COUNTY + "100");

        assertThat(township.postJson("/api/v1/survey-results", result(UUID.randomUUID().toString(), townsman,
                "FOUND_UNINSURED")).statusCode()).isEqualTo(403);
        assertThat(township.get("/api/v1/rosters/" + OWN_COUNTY + "101").statusCode()).isEqualTo(403);
        JsonNode roster = body(township.get("/api/v1/rosters/" + OWN_COUNTY + "100"));
        assertThat(roster.get("rows")).noneSatisfy(row -> assertThat(row.get("idNumber").asText())
                .isEqualTo(townsman));
        rowOf(roster, neighbour);
    }

    private ApiClient registeredClient(String name, String region) throws Exception {
        String clientId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = operator.postJson("/api/v1/survey-clients",
                "{\"clientId\": \"" + clientId + "\", \"regions\": [\"" + region + "\"]}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return ApiClient.withPassword(clientId, json.readTree(registered.body()).get("secret").asText(), port);
    }

    private long surveyed(String region) throws Exception {
        JsonNode statistics = body(operator.get("/api/v1/stats?region=" + region));
        assertThat(statistics.get("runId").asLong()).isEqualTo(runId);
        return statistics.at("/region/surveyed").asLong();
    }

    private static String result(String resultId, String idNumber, String outcome) {
        return """
                {"resultId": "%s", "idNumber": "%s", "surveyorId": "S-632522-01",
                 "surveyedAt": "2017-11-02T10:15:00+08:00", "outcome": "%s",
                 "reason": "UNAWARE_OF_POLICY", "intendedSchemes": ["390", "170"], "phone": "13800000000"}
                """.formatted(resultId, idNumber, outcome);
    }

    private long completedRun() throws Exception {
        HttpResponse<String> started = operator.postJson("/api/v1/runs", "{\"asOf\": \"2017-10-15\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json.readTree(started.body()).get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                !body(operator.get("/api/v1/runs/" + id)).get("status").asText().equals("RUNNING"));
        assertThat(body(operator.get("/api/v1/runs/" + id)).get("status").asText()).isEqualTo("COMPLETED");
        return id;
    }

    private static JsonNode rowOf(JsonNode roster, String idNumber) {
        for (JsonNode row : roster.get("rows")) {
            if (row.get("idNumber").asText().equals(idNumber)) {
                return row;
            }
        }
        throw new AssertionError("not on the roster: " + idNumber);
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
