package cn.canbao.hub.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.compare.ComparisonRuns;
import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.registry.RegistryRefresh;
import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #18's done-when, on the embedded defaults with the simulator off and this test acting as the national
 * system over the broker: a comparison run asks about exactly its uninsured and lapsed persons; a COMPARE_RESULT
 * covering every missing expectation of a person makes the next run exclude them, one covering only part does not;
 * an increment on demand sends every registry person once, and a second one right after sends none again.
 */
class NationalExchangeTest extends HubIntegrationTest {

    private static final LocalDate D = LocalDate.of(2017, 10, 15);
    private static final String COUNTY = "630105";
    private static final String TOWNSHIP = "630105001";
    private static final YearMonth PAID = YearMonth.of(2017, 9);
    private static final long WAIT_MS = 30_000;

    @Autowired
    ComparisonRuns runs;
    @Autowired
    RegistryRefresh refresh;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void asksAboutTheUninsuredAndLapsedAndExcludesWhomAnotherProvinceCoversForEveryMissingExpectation()
            throws Exception {
        SourceRecords records = new SourceRecords(jdbc);
        String coveredElsewhere = resident(records);
        String coveredInPart = resident(records);
        String lapsed = resident(records);
        records.participation(lapsed, "390", COUNTY, "1", null, YearMonth.of(2015, 1));
        records.participation(lapsed, "170", COUNTY, "1", "1", PAID);
        String insured = resident(records);
        records.participation(insured, "390", COUNTY, "1", null, PAID);
        records.participation(insured, "170", COUNTY, "1", "1", PAID);
        String partial = resident(records);
        records.participation(partial, "390", COUNTY, "1", null, PAID);

        try (NationalSystem national = new NationalSystem(DATA_DIR, BROKER_PORT)) {
            long first = completedRun();
            List<JsonNode> requests = national.receive(requestsOf(first), WAIT_MS);

            List<String> asked = new ArrayList<>();
            Map<String, String> requestOfPerson = new LinkedHashMap<>();
            for (JsonNode request : requests) {
                JsonNode header = request.get("header");
                assertThat(header.get("messageType").asText()).isEqualTo("COMPARE_REQUEST");
                assertThat(header.get("sender").asText()).isEqualTo("630000");
                assertThat(header.get("receiver").asText()).isEqualTo("000000");
                assertThat(header.get("correlationId").isNull()).isTrue();
                assertThat(request.get("body").get("idNumbers")).hasSizeLessThanOrEqualTo(1000);
                request.get("body").get("idNumbers").forEach(id -> {
                    asked.add(id.asText());
                    requestOfPerson.put(id.asText(), header.get("messageId").asText());
                });
            }
            assertThat(asked).as("each person asked once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT id_number FROM comparison_result"
                            + " WHERE run_id = ? AND category IN ('UNINSURED', 'LAPSED')", String.class, first))
                    .contains(coveredElsewhere, coveredInPart, lapsed).doesNotContain(insured, partial);

            Map<String, List<String>> resultsOfRequest = new LinkedHashMap<>();
            resultsOfRequest.computeIfAbsent(requestOfPerson.get(coveredElsewhere), r -> new ArrayList<>())
                    .add(NationalSystem.person(coveredElsewhere, "510000 110 1", "510000 390 1"));
            resultsOfRequest.computeIfAbsent(requestOfPerson.get(coveredInPart), r -> new ArrayList<>())
                    .add(NationalSystem.person(coveredInPart, "510000 390 1"));
            for (Map.Entry<String, List<String>> request : resultsOfRequest.entrySet()) {
                national.send(NationalSystem.result(UUID.randomUUID().toString(), "630000", request.getKey(),
                        "[" + String.join(", ", request.getValue()) + "]"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM national_answer WHERE id_number IN (?, ?)", Long.class,
                    coveredElsewhere, coveredInPart) == 2);

            long second = completedRun();
            assertThat(categoryIn(second, coveredElsewhere)).isEqualTo("EXCLUDED INSURED_ELSEWHERE");
            assertThat(categoryIn(second, coveredInPart)).isEqualTo("UNINSURED null");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM national_compare_request WHERE message_id = "
                    + "CAST(? AS uuid) AND status = 'ANSWERED'", Long.class, requestOfPerson.get(coveredElsewhere)))
                    .isOne();
            JsonNode person = CanonicalJson.mapper().readTree(ApiClient.as("operator", DATA_DIR, port)
                    .get("/api/v1/persons/" + coveredElsewhere).body());
            assertThat(person.get("national").get("insuredElsewhere")).hasSize(2);
        }
    }

    @Test
    void sendsEveryRegistryPersonOnceAndNothingAgainWithoutAChange() throws Exception {
        SourceRecords records = new SourceRecords(jdbc);
        String newcomer = resident(records);
        records.participation(newcomer, "390", COUNTY, "1", null, PAID);
        records.participation(newcomer, "110", COUNTY, "1", null, PAID);
        String uninsured = resident(records);
        refresh.refresh();
        ApiClient operator = ApiClient.as("operator", DATA_DIR, port);

        try (NationalSystem national = new NationalSystem(DATA_DIR, BROKER_PORT)) {
            JsonNode increment = CanonicalJson.mapper().readTree(
                    operator.postJson("/api/v1/national/increments", "").body());
            List<String> messageIds = new ArrayList<>();
            increment.get("messageIds").forEach(id -> messageIds.add(id.asText()));
            List<JsonNode> messages = national.receive(messageIds, WAIT_MS);

            List<String> sent = new ArrayList<>();
            Map<String, JsonNode> recordOf = new LinkedHashMap<>();
            for (JsonNode message : messages) {
                assertThat(message.get("header").get("messageType").asText()).isEqualTo("PERSON_INCREMENT");
                assertThat(message.get("body").get("records")).hasSizeLessThanOrEqualTo(1000);
                message.get("body").get("records").forEach(r -> {
                    sent.add(r.get("person").get("idNumber").asText());
                    recordOf.put(r.get("person").get("idNumber").asText(), r);
                });
            }
            assertThat(sent).as("every registry person once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT id_number FROM registry_person",
                            String.class))
                    .contains(newcomer);
            assertThat(increment.get("persons").asLong()).isEqualTo(sent.size());
            // the canonical form of a person with two participations (by scheme) and of one with none
            JsonNode record = recordOf.get(newcomer);
            assertThat(record.get("envelope").get("sourceSystem").asText()).isEqualTo("POLICE");
            assertThat(record.get("envelope").get("operation").asText()).isEqualTo("UPDATE");
            assertThat(record.get("person").get("name").asText()).isEqualTo("王五");
            assertThat(record.get("person").get("address").asText()).isEqualTo("某某路1号");
            assertThat(record.get("participations").findValuesAsText("scheme")).containsExactly("110", "390");
            assertThat(record.get("participations").findValuesAsText("insuredRegion")).containsOnly(COUNTY);
            assertThat(record.get("participations").findValuesAsText("contributionStatus")).containsOnly("1");
            assertThat(record.get("participations").get(0).get("employerId").asText()).isEqualTo("91630100MA000000X1");
            assertThat(record.get("participations").get(1).get("lastPaidMonth").asText()).isEqualTo(PAID.toString());
            assertThat(recordOf.get(uninsured).get("person").get("name").asText()).isEqualTo("王五");
            assertThat(recordOf.get(uninsured).get("participations")).isEmpty();

            JsonNode again = CanonicalJson.mapper().readTree(
                    operator.postJson("/api/v1/national/increments", "").body());
            assertThat(again.get("persons").asLong()).isZero();
            assertThat(again.get("messageIds")).isEmpty();
            assertThat(CanonicalJson.mapper().readTree(operator.get("/api/v1/national/increments").body())
                    .findValuesAsText("id")).contains(increment.get("id").asText(), again.get("id").asText());
        }
    }

    private String resident(SourceRecords records) {
        String id = TestIds.next(COUNTY, 1980, true);
        records.police(id, "王五", TOWNSHIP);
        return id;
    }

    private long completedRun() {
        ComparisonRuns.Run run = runs.run(D, "TEST");
        assertThat(run.status()).as("run error: %s", run.error()).isEqualTo("COMPLETED");
        return run.id();
    }

    /** The messageIds of a run's COMPARE_REQUESTs, once they are written. */
    private Set<String> requestsOf(long runId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM national_run_request WHERE run_id = ?", Long.class, runId) == 1);
        return new HashSet<>(jdbc.queryForList("SELECT CAST(message_id AS text) FROM national_compare_request"
                + " WHERE run_id = ?", String.class, runId));
    }

    private String categoryIn(long runId, String idNumber) {
        return jdbc.queryForObject("SELECT category || ' ' || coalesce(exclusion, 'null') FROM comparison_result"
                + " WHERE run_id = ? AND id_number = ?", String.class, runId, idNumber);
    }
}
