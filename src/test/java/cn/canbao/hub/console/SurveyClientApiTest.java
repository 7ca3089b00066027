package cn.canbao.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The operators' register of survey clients, and what a client may do with its secret (docs/survey.md). */
class SurveyClientApiTest extends HubIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private ApiClient operator;

    @BeforeEach
    void login() throws Exception {
        operator = ApiClient.as("operator", DATA_DIR, port);
    }

    @Test
    void answersTheGeneratedSecretOnceAndKeepsOnlyItsHash() throws Exception {
        String clientId = newClientId();

        HttpResponse<String> registered = register(clientId, "\"632524\"");

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Location")).hasValue("/api/v1/survey-clients/" + clientId);
        JsonNode body = json.readTree(registered.body());
        String secret = body.get("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(body.get("regions").get(0).asText()).isEqualTo("632524");
        String hash = jdbc.queryForObject("SELECT secret_hash FROM survey_client WHERE client_id = ?", String.class,
                clientId);
        assertThat(hash).doesNotContain(secret).startsWith("$2a$04$");
        assertThat(new BCryptPasswordEncoder(4).matches(secret, hash)).isTrue();
        assertThat(operator.get("/api/v1/survey-clients").body()).contains(clientId).doesNotContain(secret)
                .doesNotContain("secret");
        assertThat(operator.get("/api/v1/survey-clients/" + clientId).body()).doesNotContain(secret);
    }

    @Test
    void refusesARegionThatIsNeitherACountyNorATownshipOfTheProvince() throws Exception {
        for (String regions : new String[] {"\"632500\"", "\"630000\"", "\"123456\"", "\"6325241\"", ""}) {
            HttpResponse<String> refused = register(newClientId(), regions);

            assertThat(refused.statusCode()).as(regions).isEqualTo(400);
            assertThat(refused.body()).as(regions).contains("regions");
        }
    }

    @Test
    void refusesAClientIdTakenBeforeOrHeldByAnApiUser() throws Exception {
        String clientId = newClientId();
        assertThat(register(clientId, "\"632524\"").statusCode()).isEqualTo(201);

        assertThat(register(clientId, "\"632621\"").statusCode()).isEqualTo(409);
        assertThat(register("surveyor", "\"632621\"").statusCode()).isEqualTo(409);
        assertThat(register("operator", "\"632621\"").statusCode()).isEqualTo(409);
        assertThat(register("a:b", "\"632621\"").statusCode()).isEqualTo(400);
    }

    @Test
    void keepsAClientToRostersAndSurveyResults() throws Exception {
        ApiClient client = client(newClientId(), "\"632524\"");

        assertThat(client.get("/api/v1/rosters/632524").statusCode()).isIn(200, 404);
        assertThat(client.get("/api/v1/runs").statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/stats").statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/survey-clients").statusCode()).isEqualTo(403);
        assertThat(client.postJson("/api/v1/survey-clients", "{\"clientId\": \"mine\", \"regions\": [\"632524\"]}")
                .statusCode()).isEqualTo(403);
        assertThat(client.get("/api/v1/survey-verifications").statusCode()).isEqualTo(403);
        assertThat(client.get("/actuator/metrics").statusCode()).isEqualTo(403);
    }

    @Test
    void showsACountysClientItsTownshipsAndATownshipsClientNotItsCounty() throws Exception {
        ApiClient countyClient = client(newClientId(), "\"632524\"");
        ApiClient townshipClient = client(newClientId(), "\"632524100\"");

        assertThat(countyClient.get("/api/v1/rosters/632524101").statusCode()).isNotEqualTo(403);
        assertThat(townshipClient.get("/api/v1/rosters/632524100").statusCode()).isNotEqualTo(403);
        assertThat(townshipClient.get("/api/v1/rosters/632524").statusCode()).isEqualTo(403);
        assertThat(townshipClient.get("/api/v1/rosters/632524101").statusCode()).isEqualTo(403);
        assertThat(countyClient.get("/api/v1/rosters/632621").statusCode()).isEqualTo(403);
    }

    @Test
    void refusesADisabledClientWith401() throws Exception {
        String clientId = newClientId();
        ApiClient client = client(clientId, "\"632524\"");
        assertThat(client.postJson("/api/v1/survey-results", "{}").statusCode()).isEqualTo(400);

        HttpResponse<String> disabled = operator.postJson("/api/v1/survey-clients/" + clientId + "/disable", "");

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json.readTree(disabled.body()).get("disabled").asBoolean()).isTrue();
        assertThat(json.readTree(disabled.body()).get("disabledBy").asText()).isEqualTo("operator");
        assertThat(client.postJson("/api/v1/survey-results", "{}").statusCode()).isEqualTo(401);
        assertThat(client.get("/api/v1/rosters/632524").statusCode()).isEqualTo(401);
        assertThat(operator.postJson("/api/v1/survey-clients/" + clientId + "/disable", "").statusCode())
                .isEqualTo(200);
        assertThat(operator.postJson("/api/v1/survey-clients/nobody-" + UUID.randomUUID() + "/disable", "")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAWrongSecret() throws Exception {
        String clientId = newClientId();
        client(clientId, "\"632524\"");

        assertThat(ApiClient.withPassword(clientId, "guess", port).get("/api/v1/rosters/632524").statusCode())
                .isEqualTo(401);
    }

    private ApiClient client(String clientId, String regions) throws Exception {
        HttpResponse<String> registered = register(clientId, regions);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return ApiClient.withPassword(clientId, json.readTree(registered.body()).get("secret").asText(), port);
    }

    private HttpResponse<String> register(String clientId, String regions) throws Exception {
        return operator.postJson("/api/v1/survey-clients",
                "{\"clientId\": \"" + clientId + "\", \"regions\": [" + regions + "]}");
    }

    private static String newClientId() {
        return "client-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
