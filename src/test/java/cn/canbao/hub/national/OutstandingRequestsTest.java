package cn.canbao.hub.national;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A COMPARE_REQUEST the national system does not answer within canbao.national.answer-timeout (6 h) is sent again
 * with the same messageId — under a duplicate-detection id of its own, or the broker would drop it — until it was
 * sent canbao.national.sends (3) times; unanswered after the last, it expires and says so in the API. The time is
 * the request's: its last send is moved back past the timeout instead of waiting for it.
 */
class OutstandingRequestsTest extends HubIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CompareRequests requests;
    @LocalServerPort
    int port;

    @Test
    void sendsAnUnansweredRequestAgainAfterTheTimeoutAtMostThreeTimesThenExpiresIt() throws Exception {
        String request = UUID.randomUUID().toString();
        String asked = TestIds.next("630105", 1983, true);
        jdbc.update("INSERT INTO national_compare_request (message_id, origin, run_id, chunk, persons, status,"
                + " created_at, sends, last_sent_at) VALUES (CAST(? AS uuid), 'SURVEY', NULL, 0, 1, 'SENT', now(), 1,"
                + " now())", request);
        jdbc.update("INSERT INTO national_request_person (message_id, id_number) VALUES (CAST(? AS uuid), ?)",
                request, asked);

        requests.writeDue();
        assertThat(sends(request)).as("not yet due").isOne();

        unansweredForSevenHours(request);
        requests.writeDue();
        assertThat(sends(request)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT body FROM national_outbox WHERE duplicate_id = ?", String.class,
                request + "/2")).contains(asked);

        unansweredForSevenHours(request);
        requests.writeDue();
        assertThat(sends(request)).isEqualTo(3);
        assertThat(status(request)).isEqualTo("SENT");

        unansweredForSevenHours(request);
        requests.writeDue();
        assertThat(sends(request)).isEqualTo(3);
        assertThat(status(request)).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForList("SELECT duplicate_id FROM national_outbox WHERE message_id = CAST(? AS uuid)",
                String.class, request)).containsExactlyInAnyOrder(request + "/2", request + "/3");
        assertThat(CanonicalJson.mapper().readTree(ApiClient.as("operator", DATA_DIR, port)
                .get("/api/v1/national/requests").body()).get("byStatus").get("EXPIRED").get("messages").asLong())
                .isPositive();
    }

    private void unansweredForSevenHours(String request) {
        jdbc.update("UPDATE national_compare_request SET last_sent_at = now() - interval '7 hours'"
                + " WHERE message_id = CAST(? AS uuid)", request);
    }

    private int sends(String request) {
        return jdbc.queryForObject("SELECT sends FROM national_compare_request WHERE message_id = CAST(? AS uuid)",
                Integer.class, request);
    }

    private String status(String request) {
        return jdbc.queryForObject("SELECT status FROM national_compare_request WHERE message_id = CAST(? AS uuid)",
                String.class, request);
    }
}
