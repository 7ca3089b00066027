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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The REST API over real HTTP on the random port, as the operator (HTTP Basic, generated password file). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest extends HubIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private ApiClient operator;
    private final String person = TestIds.next("630121", 1988, true);
    private long runId;

    @BeforeAll
    void runTheComparisonThroughTheApi() throws Exception {
        operator = ApiClient.as("operator", DATA_DIR, port);
        SourceRecords records = new SourceRecords(jdbc);
        records.police(person, "马六", "630121100");
        records.participation(person, "390", "630121", "1", null, YearMonth.of(2015, 12));
        records.participation(person, "170", "630121", "1", "1", YearMonth.of(2017, 9));
        HttpResponse<String> surveyed = ApiClient.as("surveyor", DATA_DIR, port).postJson("/api/v1/survey-results",
                "{\"resultId\": \"" + UUID.randomUUID() + "\", \"idNumber\": \"" + person + "\", "
                        + "\"surveyorId\": \"S001\", \"surveyedAt\": \"2017-10-10T10:00:00+08:00\", "
                        + "\"outcome\": \"FOUND_UNINSURED\", \"reason\": \"UNAWARE_OF_POLICY\", "
                        + "\"intendedSchemes\": [\"390\"], \"phone\": \"13900000000\"}");
        assertThat(surveyed.statusCode()).as(surveyed.body()).isEqualTo(201);

        HttpResponse<String> started = operator.postJson("/api/v1/runs", "{\"asOf\": \"2017-10-15\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        runId = json.readTree(started.body()).get("id").asLong();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/runs/" + runId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> !get("/api/v1/runs/" + runId).get("status").asText().equals("RUNNING"));
        assertThat(get("/api/v1/runs/" + runId).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void showsAPersonWithMergedViewRecordsAndCurrentCategoryWithReasons() throws Exception {
        JsonNode body = get("/api/v1/persons/" + person);

        assertThat(body.at("/merged/name").asText()).isEqualTo("马六");
        assertThat(body.at("/merged/nameSystem").asText()).isEqualTo("POLICE");
        assertThat(body.get("records")).hasSize(3);
        assertThat(body.at("/classification/runId").asLong()).isGreaterThanOrEqualTo(runId);
        assertThat(body.at("/classification/category").asText()).isEqualTo("LAPSED");
        assertThat(body.at("/classification/reasons/0/code").asText()).isEqualTo("LAPSED");
        assertThat(body.at("/classification/reasons/0/evidence/scheme").asText()).isEqualTo("390");
        assertThat(body.get("history")).isNotEmpty();
    }

    @Test
    void showsWhatTheRegistryKnewAtAPastDate() throws Exception {
        assertThat(operator.get("/api/v1/persons/" + person + "?knownAt=2017-09-30").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/persons/" + person + "?knownAt=2017-10-01").get("records")).hasSize(3);
    }

    @Test
    void refusesAnInvalidIdentityNumber() throws Exception {
        assertThat(operator.get("/api/v1/persons/" + TestIds.withWrongCheckCharacter(person)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void listsRunsAndDiffsARunWithItself() throws Exception {
        assertThat(get("/api/v1/runs")).anySatisfy(run -> assertThat(run.get("id").asLong()).isEqualTo(runId));
        JsonNode diff = get("/api/v1/runs/" + runId + "/diff/" + runId);
        assertThat(diff.get("persons")).isEmpty();
        assertThat(operator.get("/api/v1/runs/999999/diff/" + runId).statusCode()).isEqualTo(404);
    }

    @Test
    void reportsTheTimeOfEachStepOfARunAndOfEachPartOfItsClassification() throws Exception {
        JsonNode steps = get("/api/v1/runs/" + runId).get("steps");

        for (String step : List.of("refresh", "cleanup", "classify", "classify.results", "classify.results.part0",
                "classify.results.part1", "classify.index", "classify.alerts", "classify.statistics", "rosters",
                "retention")) {
            assertThat(steps.has(step)).as(step).isTrue();
            assertThat(steps.get(step).isIntegralNumber()).as(step).isTrue();
        }
        assertThat(steps.get("classify.results").asLong()).isGreaterThanOrEqualTo(
                Math.max(steps.get("classify.results.part0").asLong(), steps.get("classify.results.part1").asLong()));
    }

    @Test
    void reportsStatisticsOfTheProvinceAndOfACounty() throws Exception {
        JsonNode province = get("/api/v1/stats?run=" + runId);
        assertThat(province.at("/region/level").asText()).isEqualTo("PROVINCE");
        assertThat(province.at("/region/region").asText()).isEqualTo("630000");
        assertThat(province.get("below")).anySatisfy(p -> assertThat(p.get("region").asText()).isEqualTo("630100"));

        JsonNode county = get("/api/v1/stats?region=630121&run=" + runId);
        assertThat(county.at("/region/level").asText()).isEqualTo("COUNTY");
        assertThat(county.at("/region/lapsed").asLong()).isPositive();
        assertThat(county.at("/region/medicalRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(county.at("/region/surveyed").asLong()).isPositive();
        assertThat(county.at("/region/surveyRate").asDouble()).isPositive();
    }

    @Test
    void servesTheCurrentRosterOfACountyAndOfATownship() throws Exception {
        for (String region : new String[] {"630121", "630121100"}) {
            JsonNode roster = get("/api/v1/rosters/" + region);
            assertThat(roster.get("region").asText()).isEqualTo(region);
            assertThat(roster.get("rows")).anySatisfy(row -> {
                assertThat(row.get("idNumber").asText()).isEqualTo(person);
                assertThat(row.get("categoryText").asText()).isEqualTo("断保");
                assertThat(row.get("missingSchemes").get(0).asText()).isEqualTo("390");
            });
        }
        assertThat(operator.get("/api/v1/rosters/123456").statusCode()).isEqualTo(404);
    }

    @Test
    void needsAuthenticationExceptForHealth() throws Exception {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/api/v1/runs").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheOpenApiDocument() throws Exception {
        JsonNode document = get("/v3/api-docs");

        assertThat(document.get("paths").has("/api/v1/runs")).isTrue();
        assertThat(document.get("paths").has("/api/v1/persons/{idNumber}")).isTrue();
        assertThat(document.get("paths").has("/api/v1/rosters/{region}")).isTrue();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = operator.get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
