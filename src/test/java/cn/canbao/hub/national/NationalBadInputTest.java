package cn.canbao.hub.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the national system may send that the hub must not apply, each over the real embedded broker: every such
 * message is parked with its reason (national_parked_message, GET /api/v1/national/parked) and acknowledged —
 * never dropped silently, never retried for ever — and changes no person's national answer.
 */
class NationalBadInputTest extends HubIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private NationalSystem national;
    /** A request the hub sent, asking about {@link #asked}. */
    private String request;
    private String asked;
    private String notAsked;

    @BeforeEach
    void aRequestWasSent() throws Exception {
        national = new NationalSystem(DATA_DIR, BROKER_PORT);
        request = UUID.randomUUID().toString();
        asked = TestIds.next("630105", 1981, false);
        notAsked = TestIds.next("630105", 1982, true);
        // a request as CompareRequests writes it, already sent once (so the outbox does not take it)
        jdbc.update("INSERT INTO national_compare_request (message_id, origin, run_id, chunk, persons, status,"
                + " created_at, sends, last_sent_at) VALUES (CAST(? AS uuid), 'SURVEY', NULL, 0, 1, 'SENT', now(), 1,"
                + " now())", request);
        jdbc.update("INSERT INTO national_request_person (message_id, id_number) VALUES (CAST(? AS uuid), ?)",
                request, asked);
    }

    @AfterEach
    void disconnect() throws Exception {
        national.close();
    }

    /** A message the hub must park, made for one test: {@code marker} finds it among the parked messages. */
    private interface BadMessage {
        String text(String marker, String request, String asked, String notAsked);
    }

    static Stream<Arguments> badMessages() {
        return Stream.of(
                bad("malformed JSON", ParkReason.MALFORMED_JSON,
                        (marker, request, asked, notAsked) -> "{\"header\": {\"messageId\": \"" + marker + "\""),
                bad("JSON that is not an envelope", ParkReason.NOT_AN_ENVELOPE,
                        (marker, request, asked, notAsked) -> "{\"messageId\": \"" + marker + "\", \"results\": []}"),
                bad("an unknown message type", ParkReason.UNKNOWN_MESSAGE_TYPE,
                        (marker, request, asked, notAsked) -> NationalSystem.result(marker, "630000", request, "[]")
                                .replace("COMPARE_RESULT", "PERSON_QUERY")),
                bad("a message for another province", ParkReason.WRONG_RECEIVER,
                        (marker, request, asked, notAsked) -> NationalSystem.result(marker, "510000", request,
                                "[" + NationalSystem.person(asked, "510000 390 1") + "]")),
                bad("a result to a request never sent", ParkReason.UNKNOWN_CORRELATION,
                        (marker, request, asked, notAsked) -> NationalSystem.result(marker, "630000",
                                UUID.randomUUID().toString(),
                                "[" + NationalSystem.person(asked, "510000 390 1") + "]")),
                bad("a result for a number not asked", ParkReason.NUMBER_NOT_ASKED,
                        (marker, request, asked, notAsked) -> NationalSystem.result(marker, "630000", request,
                                "[" + NationalSystem.person(asked, "510000 390 1") + ", "
                                        + NationalSystem.person(notAsked, "510000 390 1") + "]")),
                bad("a row with an unknown scheme code", ParkReason.UNKNOWN_CODE,
                        (marker, request, asked, notAsked) -> NationalSystem.result(marker, "630000", request,
                                "[" + NationalSystem.person(asked, "510000 999 1") + "]")),
                bad("a row with an unknown province", ParkReason.UNKNOWN_CODE,
                        (marker, request, asked, notAsked) -> NationalSystem.result(marker, "630000", request,
                                "[" + NationalSystem.person(asked, "990000 390 1") + "]")));
    }

    private static Arguments bad(String description, ParkReason reason, BadMessage message) {
        return Arguments.of(description, reason, message);
    }

    @ParameterizedTest(name = "parks {0}")
    @MethodSource("badMessages")
    void parks(String description, ParkReason reason, BadMessage message) throws Exception {
        String marker = UUID.randomUUID().toString();
        String text = message.text(marker, request, asked, notAsked);
        national.send(text);

        assertParked(marker, reason);
        // no number the message names got an answer from it
        Stream.of(asked, notAsked).filter(text::contains).forEach(this::assertNoAnswerFor);
    }

    @Test
    void parksBytesThatAreNotUtf8() throws Exception {
        String marker = UUID.randomUUID().toString();
        byte[] text = ("{\"marker\": \"" + marker + "\", \"name\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 2];
        System.arraycopy(text, 0, body, 0, text.length);
        body[text.length] = (byte) 0xC7;
        body[text.length + 1] = (byte) 0x22;
        national.sendBytes(body);

        assertParked(marker, ParkReason.MALFORMED_JSON);
    }

    @Test
    void appliesTheSameResultOnceAndParksItsSecondDelivery() throws Exception {
        String marker = UUID.randomUUID().toString();
        String result = NationalSystem.result(marker, "630000", request,
                "[" + NationalSystem.person(asked, "510000 390 1") + "]");
        national.send(result);
        await().atMost(Duration.ofSeconds(30)).until(() -> answers(asked) == 1);
        // an earlier answer's rows are what a repeated delivery would double or replace
        national.send(result);

        assertParked(marker, ParkReason.DUPLICATE_RESULT);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM national_result_applied WHERE message_id = ?",
                Long.class, marker)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM national_insured_elsewhere WHERE id_number = ?",
                Long.class, asked)).isOne();
        assertThat(jdbc.queryForObject("SELECT status FROM national_compare_request WHERE message_id ="
                + " CAST(? AS uuid)", String.class, request)).isEqualTo("ANSWERED");
    }

    private void assertParked(String marker, ParkReason reason) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM national_parked_message WHERE position(? IN body) > 0", Long.class,
                marker) > 0);
        assertThat(jdbc.queryForList("SELECT reason FROM national_parked_message WHERE position(? IN body) > 0",
                String.class, marker)).containsExactly(reason.name());
        var parked = CanonicalJson.mapper().readTree(ApiClient.as("operator", DATA_DIR, port)
                .get("/api/v1/national/parked?limit=1000").body());
        assertThat(parked.get("byReason").get(reason.name()).asLong()).isPositive();
        assertThat(parked.get("latest").findValuesAsText("body")).anyMatch(body -> body.contains(marker));
    }

    private void assertNoAnswerFor(String idNumber) {
        assertThat(answers(idNumber)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM national_insured_elsewhere WHERE id_number = ?",
                Long.class, idNumber)).isZero();
    }

    private long answers(String idNumber) {
        return jdbc.queryForObject("SELECT count(*) FROM national_answer WHERE id_number = ?", Long.class, idNumber);
    }
}
