package cn.canbao.hub.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.TestHub;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Malformed survey results (spec §6) posted over real HTTP to a hub of its own by a county's survey client, as
 * {@link SurveyResultMutations} makes them from the seed: each is answered as docs/survey.md says — 4xx with the
 * error naming its code and field, or problem details, never a 5xx, within a deadline — and survey_result holds
 * exactly the results that were taken, with nothing of a refused one (nor its verification item or national mark);
 * valid results posted after all the bad ones are taken, and stored once.
 *
 * <p>{@code ./mvnw verify} runs {@code canbao.fuzz.survey-inputs} (default 300) inputs of seed
 * {@code canbao.fuzz.seed}; every input that was answered otherwise is listed with its mutation and body. Tagged
 * {@code fuzz}, not {@code database}: CI's second pass against a standalone PostgreSQL need not repeat it.
 */
@Tag("fuzz")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyResultFuzzTest {

    private static final Logger log = LoggerFactory.getLogger(SurveyResultFuzzTest.class);

    private static final int INPUTS = Integer.getInteger("canbao.fuzz.survey-inputs", 300);
    private static final long SEED = Long.getLong("canbao.fuzz.seed", FuzzSettings.DEFAULT_SEED);
    /** Time a post may take to its answer: a hang is a finding, not a stuck build. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String RESULTS = "/api/v1/survey-results";

    private static final TestHub HUB = TestHub.create();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void answersEveryMalformedSurveyResultWithAClearErrorAndStoresOnlyTheValidOnes() throws Exception {
        SurveyResultMutations mutations = new SurveyResultMutations(SEED);
        ApiClient operator = ApiClient.as("operator", HUB.dataDir(), port);
        rosterBothCounties(mutations, operator);
        ApiClient county = registeredClient(operator, SurveyResultMutations.COUNTY);
        ApiClient province = ApiClient.as("surveyor", HUB.dataDir(), port);
        Totals before = totals();
        Tally tally = new Tally();

        for (SurveyPost post : mutations.next(INPUTS)) {
            answer(post, post.asProvince() ? province : county, tally);
        }
        List<SurveyPost> canaries = mutations.canaries();
        for (SurveyPost canary : canaries) {
            answer(canary, county, tally);
        }
        for (SurveyPost canary : canaries) {
            HttpResponse<String> again = county.post(RESULTS, canary.contentType(), canary.body(), DEADLINE);
            tally.check(canary, again.statusCode() == 200, "posted again: " + again.statusCode() + " " + again.body());
        }

        Totals after = totals();
        log.info("Survey fuzz: {} inputs, seed {}\n{}", INPUTS, SEED, tally.text());
        assertThat(tally.findings).as("inputs answered otherwise than spec §6 says").isEmpty();
        assertThat(after.results() - before.results()).as("results stored").isEqualTo(tally.taken.size());
        assertThat(after.verifications() - before.verifications()).as("verification items opened")
                .isEqualTo(tally.takenWith("DECEASED", "MOVED_AWAY"));
        assertThat(after.marks() - before.marks()).as("marks for the national comparison")
                .isEqualTo(tally.takenWith("FOUND_INSURED_ELSEWHERE"));
    }

    private void answer(SurveyPost post, ApiClient client, Tally tally) throws Exception {
        long rowsBefore = post.resultId() == null ? 0 : rows(post.resultId());
        HttpResponse<String> response = client.post(RESULTS, post.contentType(), post.body(), DEADLINE);
        int status = response.statusCode();
        tally.count(post, status);
        SurveyPost.Expected expected = post.expected();
        if (status != expected.status()) {
            tally.check(post, false, "answered " + status + " " + excerpt(response.body()));
            return;
        }
        JsonNode body = jsonOrNull(response.body());
        switch (status) {
            case 201 -> {
                tally.taken.add(post);
                tally.check(post, body != null && "ACCEPTED".equals(body.path("status").asText()), response.body());
                Map<String, Object> row = jdbc.queryForMap("SELECT id_number, outcome, array_to_string(flags, ',')"
                        + " AS flags, surveyed_at FROM survey_result WHERE result_id = ?", post.resultId());
                Instant surveyedAt = jdbc.queryForObject("SELECT surveyed_at FROM survey_result WHERE result_id = ?",
                        OffsetDateTime.class, post.resultId()).toInstant();
                tally.check(post, post.stored().idNumber().equals(row.get("id_number"))
                        && post.stored().outcome().equals(row.get("outcome"))
                        && List.of("", "NOT_ON_ROSTER").contains(row.get("flags"))
                        && post.stored().surveyedAt().equals(surveyedAt), "stored as " + row);
            }
            case 200 -> tally.check(post, body != null && "DUPLICATE".equals(body.path("status").asText())
                    && rows(post.resultId()) == 1, response.body());
            case 400, 409 -> {
                boolean named = body != null && body.path("errors").isArray() && contains(body.get("errors"), expected);
                tally.check(post, named, "errors do not name " + expected + ": " + excerpt(response.body()));
                tally.check(post, post.resultId() == null || rows(post.resultId()) == rowsBefore,
                        "survey_result changed for a refused result");
            }
            default -> {
                boolean problem = body != null && body.path("status").asInt() == status
                        && !body.path("detail").asText().isBlank();
                tally.check(post, problem, "no problem details: " + excerpt(response.body()));
                tally.check(post, post.resultId() == null || rows(post.resultId()) == rowsBefore,
                        "survey_result changed for a refused result");
            }
        }
    }

    private static boolean contains(JsonNode errors, SurveyPost.Expected expected) {
        for (JsonNode error : errors) {
            boolean field = expected.field() == null || expected.field().equals(error.path("field").asText(null));
            if (expected.code().equals(error.path("code").asText()) && field
                    && !error.path("message").asText().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Rows under the resultId; none can hold a NUL, which PostgreSQL refuses even as a query parameter. */
    private long rows(String resultId) {
        if (resultId.indexOf('\0') >= 0) {
            return 0;
        }
        return jdbc.queryForObject("SELECT count(*) FROM survey_result WHERE result_id = ?", Long.class, resultId);
    }

    private record Totals(long results, long verifications, long marks) {
    }

    private Totals totals() {
        return new Totals(jdbc.queryForObject("SELECT count(*) FROM survey_result", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM survey_verification", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM national_compare_mark", Long.class));
    }

    /** The persons of both counties in POLICE, and a completed run that places them there. */
    private void rosterBothCounties(SurveyResultMutations mutations, ApiClient operator) throws Exception {
        SourceRecords records = new SourceRecords(jdbc);
        mutations.rosteredHere().forEach(id -> records.police(id, "同德", SurveyResultMutations.COUNTY + "100"));
        mutations.rosteredElsewhere().forEach(id -> records.police(id, "贵南",
                SurveyResultMutations.NEIGHBOUR_COUNTY + "100"));
        HttpResponse<String> started = operator.postJson("/api/v1/runs", "{\"asOf\": \"2017-10-15\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long run = json.readTree(started.body()).get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                !json.readTree(operator.get("/api/v1/runs/" + run).body()).get("status").asText().equals("RUNNING"));
        assertThat(json.readTree(operator.get("/api/v1/runs/" + run).body()).get("status").asText())
                .isEqualTo("COMPLETED");
    }

    private ApiClient registeredClient(ApiClient operator, String region) throws Exception {
        String clientId = "fuzz-" + region;
        HttpResponse<String> registered = operator.postJson("/api/v1/survey-clients",
                "{\"clientId\": \"" + clientId + "\", \"regions\": [\"" + region + "\"]}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return ApiClient.withPassword(clientId, json.readTree(registered.body()).get("secret").asText(), port);
    }

    private JsonNode jsonOrNull(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }

    /** Answers by mutation and status, the results taken, and every input answered otherwise than expected. */
    private static final class Tally {

        final List<SurveyPost> taken = new ArrayList<>();
        final List<String> findings = new ArrayList<>();
        private final Map<String, Integer> answers = new TreeMap<>();

        void count(SurveyPost post, int status) {
            String kind = post.mutation().replaceFirst("^(cut)@.*", "$1").replaceFirst("(-U\\+|=|@).*", "");
            answers.merge(String.format("%-50s %d", kind.length() > 50 ? kind.substring(0, 50) : kind, status), 1,
                    Integer::sum);
        }

        void check(SurveyPost post, boolean ok, String what) {
            if (!ok) {
                findings.add(HubLog.mask(post.mutation() + " (expected " + post.expected() + "): " + what
                        + "\n    body: " + post.excerpt()));
            }
        }

        long takenWith(String... outcomes) {
            return taken.stream().filter(post -> List.of(outcomes).contains(post.stored().outcome())).count();
        }

        String text() {
            StringBuilder out = new StringBuilder();
            answers.forEach((kind, n) -> out.append(String.format("  %5d  %s%n", n, kind)));
            out.append("findings: ").append(findings.size()).append('\n');
            findings.forEach(finding -> out.append("  ").append(finding).append('\n'));
            return out.toString();
        }
    }
}
