package cn.canbao.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every endpoint except health needs authentication; each user has only the role it needs. */
class ApiSecurityTest extends HubIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsOpenAndUpWithItsComponents() throws Exception {
        var response = ApiClient.anonymous(port).get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"sftp\"")
                .contains("\"jms\"");
    }

    @Test
    void refusesAnonymousCallsToTheApi() throws Exception {
        assertThat(ApiClient.anonymous(port).get("/api/v1/runs").statusCode()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).postJson("/api/v1/survey-results", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        assertThat(ApiClient.withPassword("operator", "guess", port).get("/api/v1/runs").statusCode())
                .isEqualTo(401);
    }

    @Test
    void keepsTheSurveyAppToRostersAndSurveyResults() throws Exception {
        ApiClient surveyor = ApiClient.as("surveyor", DATA_DIR, port);

        assertThat(surveyor.get("/api/v1/runs").statusCode()).isEqualTo(403);
        assertThat(surveyor.get("/actuator/metrics").statusCode()).isEqualTo(403);
    }

    @Test
    void keepsTheNationalExchangeToTheOperator() throws Exception {
        ApiClient surveyor = ApiClient.as("surveyor", DATA_DIR, port);
        ApiClient anonymous = ApiClient.anonymous(port);

        for (String path : new String[] {"/api/v1/national/increments", "/api/v1/national/requests",
                "/api/v1/national/parked"}) {
            assertThat(anonymous.get(path).statusCode()).as("anonymous GET %s", path).isEqualTo(401);
            assertThat(surveyor.get(path).statusCode()).as("surveyor GET %s", path).isEqualTo(403);
            assertThat(ApiClient.as("operator", DATA_DIR, port).get(path).statusCode()).as("operator GET %s", path)
                    .isEqualTo(200);
        }
        assertThat(anonymous.postJson("/api/v1/national/increments", "{}").statusCode()).isEqualTo(401);
        assertThat(surveyor.postJson("/api/v1/national/increments", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void keepsTheOperatorFromPostingSurveyResults() throws Exception {
        ApiClient operator = ApiClient.as("operator", DATA_DIR, port);

        assertThat(operator.postJson("/api/v1/survey-results", "{}").statusCode()).isEqualTo(403);
        assertThat(operator.get("/actuator/metrics").statusCode()).isEqualTo(200);
    }
}
