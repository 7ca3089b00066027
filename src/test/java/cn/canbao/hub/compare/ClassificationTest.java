package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.model.Facts;
import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Person;
import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The classification rules of spec §8, one row per rule and boundary: each case writes its person's source records,
 * one comparison run for 2017-10-15 classifies them all, and each case checks category, flags, the roster's
 * 缺少险种 and the reason codes of its person. The same run's coverage rates are checked for a county whose persons
 * only this class writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassificationTest extends HubIntegrationTest {

    static final LocalDate D = LocalDate.of(2017, 10, 15);
    private static final String TOWNSHIP = "630105001";
    private static final String COUNTY = "630105";
    private static final YearMonth PAID = YearMonth.of(2017, 9);

    @FunctionalInterface
    interface Setup {
        void write(SourceRecords records, String id);
    }

    /**
     * @param missing     缺少险种 of the roster, "" when not rostered
     * @param flags       flags, space separated
     * @param reasonCodes codes of the reasons in order, space separated
     */
    record Case(String name, LocalDate born, Setup setup, String category, String flags, String missing,
                String reasonCodes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Setup resident(Setup more) {
        return (r, id) -> {
            r.police(id, "王五", TOWNSHIP);
            more.write(r, id);
        };
    }

    private static void medical390(SourceRecords r, String id) {
        r.participation(id, "390", COUNTY, "1", null, PAID);
    }

    private static void pension170(SourceRecords r, String id) {
        r.participation(id, "170", COUNTY, "1", "1", PAID);
    }

    private static final LocalDate ADULT = LocalDate.of(1980, 5, 5);
    private static final LocalDate CUSTODY_FROM = LocalDate.of(2015, 1, 1);
    private static final LocalDate CUSTODY_UNTIL = LocalDate.of(2020, 1, 1);
    /** A full snapshot of the medical system three months before the other records, and a statement before it. */
    private static final OffsetDateTime BEFORE_SNAPSHOT = SourceRecords.RECEIVED.minusMonths(4);
    private static final OffsetDateTime SNAPSHOT = SourceRecords.RECEIVED.minusMonths(3);
    static final String ENDED_EVIDENCE = "the most recently paid lapsed scheme, ended by a DELETE, is missing";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("age 16 reached exactly on D: pension expected", LocalDate.of(2001, 10, 15),
                        resident(ClassificationTest::medical390), "PARTIAL", "", "170", "NEVER_HELD"),
                new Case("one day short of 16 on D: no pension expected", LocalDate.of(2001, 10, 16),
                        resident(ClassificationTest::medical390), "INSURED", "", "", ""),
                new Case("retired (AAC008 2) with no contributions counts as insured for pension", ADULT,
                        resident((r, id) -> {
                            r.participation(id, "110", COUNTY, "3", "2", YearMonth.of(2012, 6));
                            medical390(r, id);
                        }), "INSURED", "", "", ""),
                new Case("student aged 20: no pension expected", LocalDate.of(1997, 3, 1),
                        resident((r, id) -> {
                            r.student(id);
                            medical390(r, id);
                        }), "INSURED", "STUDENT", "", "STUDENT"),
                new Case("310 last paid exactly 3 months before D is active", ADULT,
                        resident((r, id) -> {
                            pension170(r, id);
                            r.participation(id, "310", COUNTY, "1", null, YearMonth.of(2017, 7));
                        }), "INSURED", "", "", ""),
                new Case("310 last paid 4 months before D has lapsed", ADULT,
                        resident((r, id) -> {
                            pension170(r, id);
                            r.participation(id, "310", COUNTY, "1", null, YearMonth.of(2017, 6));
                        }), "LAPSED", "", "310", "LAPSED"),
                new Case("170 last paid 12 months before D is active", ADULT,
                        resident((r, id) -> {
                            medical390(r, id);
                            r.participation(id, "170", COUNTY, "1", "1", YearMonth.of(2016, 10));
                        }), "INSURED", "", "", ""),
                new Case("170 last paid 13 months before D has lapsed", ADULT,
                        resident((r, id) -> {
                            medical390(r, id);
                            r.participation(id, "170", COUNTY, "1", "1", YearMonth.of(2016, 9));
                        }), "LAPSED", "", "170", "LAPSED"),
                new Case("390 last paid 12 months before D is active", ADULT,
                        resident((r, id) -> {
                            pension170(r, id);
                            r.participation(id, "390", COUNTY, "1", null, YearMonth.of(2016, 10));
                        }), "INSURED", "", "", ""),
                new Case("390 last paid 13 months before D has lapsed", ADULT,
                        resident((r, id) -> {
                            pension170(r, id);
                            r.participation(id, "390", COUNTY, "1", null, YearMonth.of(2016, 9));
                        }), "LAPSED", "", "390", "LAPSED"),
                new Case("custody ending the day before D: classified", ADULT,
                        resident((r, id) -> r.custody(id, LocalDate.of(2015, 1, 1), D.minusDays(1), "1")),
                        "UNINSURED", "", "170;390", "NO_PARTICIPATION NEVER_HELD NEVER_HELD"),
                new Case("custody ending on D: excluded", ADULT,
                        resident((r, id) -> r.custody(id, LocalDate.of(2015, 1, 1), D, "1")),
                        "EXCLUDED", "", "", "IN_CUSTODY"),
                new Case("death after D: classified", ADULT,
                        (r, id) -> r.police(id, "赵六", "1", TOWNSHIP, TOWNSHIP, "1", D.plusDays(1), "某路",
                                Operation.ADD, SourceRecords.RECEIVED),
                        "UNINSURED", "", "170;390", "NO_PARTICIPATION NEVER_HELD NEVER_HELD"),
                new Case("death on D: excluded", ADULT,
                        (r, id) -> r.police(id, "赵六", "1", TOWNSHIP, TOWNSHIP, "1", D, "某路",
                                Operation.ADD, SourceRecords.RECEIVED),
                        "EXCLUDED", "", "", "DECEASED"),
                new Case("died in custody (JUSTICE 3): excluded", ADULT,
                        resident((r, id) -> r.custody(id, CUSTODY_FROM, CUSTODY_UNTIL, "3")),
                        "EXCLUDED", "", "", "DECEASED"),
                new Case("died in custody, received after D: excluded (JUSTICE dates no death)", ADULT,
                        resident((r, id) -> r.custody(id, CUSTODY_FROM, CUSTODY_UNTIL, "3",
                                SourceRecords.RECEIVED.plusMonths(2))),
                        "EXCLUDED", "", "", "DECEASED"),
                new Case("death stated without a date: excluded", ADULT,
                        (r, id) -> r.police(id, "赵七", "1", TOWNSHIP, TOWNSHIP, "1", null, "某路",
                                Operation.ADD, SourceRecords.RECEIVED),
                        "EXCLUDED", "", "", "DECEASED"),
                new Case("dead and in custody: excluded as deceased, both facts given", ADULT,
                        (r, id) -> {
                            r.police(id, "赵八", "1", TOWNSHIP, TOWNSHIP, "1", LocalDate.of(2017, 5, 1), "某路",
                                    Operation.ADD, SourceRecords.RECEIVED);
                            r.custody(id, CUSTODY_FROM, CUSTODY_UNTIL, "1");
                        }, "EXCLUDED", "", "", "DECEASED IN_CUSTODY"),
                new Case("custody starting after D: classified", ADULT,
                        resident((r, id) -> r.custody(id, D.plusDays(1), CUSTODY_UNTIL, "1")),
                        "UNINSURED", "", "170;390", "NO_PARTICIPATION NEVER_HELD NEVER_HELD"),
                new Case("released (JUSTICE 2): classified", ADULT,
                        resident((r, id) -> r.custody(id, CUSTODY_FROM, CUSTODY_UNTIL, "2")),
                        "UNINSURED", "", "170;390", "NO_PARTICIPATION NEVER_HELD NEVER_HELD"),
                new Case("deleted by POLICE as dead: outside the population, the death kept", ADULT,
                        (r, id) -> {
                            r.police(id, "郑二", TOWNSHIP);
                            r.police(id, "郑二", "1", TOWNSHIP, TOWNSHIP, "1", LocalDate.of(2017, 9, 1), "某路",
                                    Operation.DELETE, SourceRecords.RECEIVED.plusDays(1));
                            medical390(r, id);
                        }, "NOT_IN_POPULATION", "", "", "NOT_IN_POPULATION DECEASED"),
                new Case("active 310 and 390 together: duplicate", ADULT,
                        resident((r, id) -> {
                            pension170(r, id);
                            medical390(r, id);
                            r.participation(id, "310", COUNTY, "1", null, PAID);
                        }), "INSURED", "DUPLICATE", "", "DUPLICATE"),
                new Case("active 110 and 170 together: duplicate", ADULT,
                        resident((r, id) -> {
                            for (String scheme : List.of("110", "210", "410", "510", "310")) {
                                r.participation(id, scheme, COUNTY, "1", "1", PAID);
                            }
                            pension170(r, id);
                        }), "INSURED", "DUPLICATE", "", "DUPLICATE"),
                new Case("the same scheme active in two regions: duplicate", ADULT,
                        resident((r, id) -> {
                            medical390(r, id);
                            pension170(r, id);
                            r.participation(id, "170", "630104", "1", "1", PAID);
                        }), "INSURED", "DUPLICATE", "", "DUPLICATE"),
                new Case("employee missing only 510: partial", ADULT,
                        resident((r, id) -> {
                            for (String scheme : List.of("110", "210", "410", "310")) {
                                r.participation(id, scheme, COUNTY, "1", "1", PAID);
                            }
                        }), "PARTIAL", "", "510", "NEVER_HELD"),
                new Case("employee with pension only: medical by 310 and the employment schemes", ADULT,
                        resident((r, id) -> r.participation(id, "110", COUNTY, "1", "1", PAID)),
                        "PARTIAL", "", "210;310;410;510", "NEVER_HELD NEVER_HELD NEVER_HELD NEVER_HELD NEVER_HELD"),
                new Case("public-institution pension (120) paid as an employee: the employment schemes", ADULT,
                        resident((r, id) -> r.participation(id, "120", COUNTY, "1", "1", PAID)),
                        "PARTIAL", "", "210;310;410;510", "NEVER_HELD NEVER_HELD NEVER_HELD NEVER_HELD NEVER_HELD"),
                new Case("lapsed medical and pension never held: lapsed before partial", ADULT,
                        resident((r, id) -> r.participation(id, "390", COUNTY, "1", null, YearMonth.of(2015, 12))),
                        "LAPSED", "", "170;390", "LAPSED NEVER_HELD"),
                new Case("medical ended by a DELETE: lapsed, not uninsured", ADULT,
                        resident((r, id) -> {
                            medical390(r, id);
                            r.deleteParticipation(id, "390", COUNTY, SourceRecords.RECEIVED.plusDays(1));
                        }), "LAPSED", "", "170;390", "LAPSED NEVER_HELD"),
                new Case("medical left out of a later full snapshot: lapsed in the scheme it held", ADULT,
                        resident((r, id) -> {
                            pension170(r, id);
                            r.participation(id, "某人", "310", COUNTY, "1", "1", YearMonth.of(2017, 5),
                                    Operation.UPDATE, BEFORE_SNAPSHOT);
                            r.fullSnapshot(TestPersons.adult(), "310", COUNTY, PAID, SNAPSHOT);
                        }), "LAPSED", "", "310", "LAPSED"),
                new Case(ENDED_EVIDENCE, ADULT,
                        resident((r, id) -> {
                            pension170(r, id);
                            r.participation(id, "390", COUNTY, "1", null, YearMonth.of(2015, 12));
                            r.participation(id, "310", "630104", "1", "1", YearMonth.of(2017, 8));
                            r.deleteParticipation(id, "310", "630104", SourceRecords.RECEIVED.plusDays(1));
                        }), "LAPSED", "", "310", "LAPSED"),
                new Case("lapsed employee pension beside active resident medical: the lapsed scheme is missing", ADULT,
                        resident((r, id) -> {
                            medical390(r, id);
                            r.participation(id, "110", COUNTY, "2", "1", YearMonth.of(2016, 1));
                        }), "LAPSED", "", "110", "LAPSED"),
                new Case("moved out of the province (RYZT 2): excluded, not rostered", ADULT,
                        (r, id) -> r.police(id, "钱七", "1", TOWNSHIP, TOWNSHIP, "2", LocalDate.of(2017, 5, 1), "某路",
                                Operation.ADD, SourceRecords.RECEIVED),
                        "EXCLUDED", "", "", "MOVED_OUT"),
                new Case("cancelled (RYZT 3): excluded, not rostered", ADULT,
                        (r, id) -> r.police(id, "钱八", "1", TOWNSHIP, TOWNSHIP, "3", LocalDate.of(2017, 5, 1), "某路",
                                Operation.ADD, SourceRecords.RECEIVED),
                        "EXCLUDED", "", "", "CANCELLED"),
                new Case("no participation ever: uninsured", ADULT, resident((r, id) -> {
                }), "UNINSURED", "", "170;390", "NO_PARTICIPATION NEVER_HELD NEVER_HELD"),
                new Case("assistance recipient valid at D without medical", ADULT,
                        resident((r, id) -> {
                            r.assistance(id, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31));
                            pension170(r, id);
                        }), "PARTIAL", "ASSISTANCE_UNINSURED", "390", "NEVER_HELD ASSISTANCE_UNINSURED"),
                new Case("assistance that ended before D: no flag", ADULT,
                        resident((r, id) -> {
                            r.assistance(id, LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31));
                            pension170(r, id);
                        }), "PARTIAL", "", "390", "NEVER_HELD"),
                new Case("insured in another province for every missing expectation: excluded", ADULT,
                        resident((r, id) -> {
                            r.insuredElsewhere(id, "510000", "110", "1");
                            r.insuredElsewhere(id, "510000", "390", "1");
                        }), "EXCLUDED", "", "", "INSURED_ELSEWHERE NEVER_HELD NEVER_HELD"),
                new Case("insured elsewhere per a row naming this province: that is no other province", ADULT,
                        resident((r, id) -> {
                            r.insuredElsewhere(id, "630000", "110", "1");
                            r.insuredElsewhere(id, "630000", "390", "1");
                        }), "UNINSURED", "", "170;390", "NO_PARTICIPATION NEVER_HELD NEVER_HELD"),
                new Case("insured in another province but suspended there (status 2): does not cover", ADULT,
                        resident((r, id) -> {
                            r.insuredElsewhere(id, "510000", "110", "2");
                            r.insuredElsewhere(id, "510000", "390", "2");
                        }), "UNINSURED", "", "170;390", "NO_PARTICIPATION NEVER_HELD NEVER_HELD"),
                new Case("insured in another province for medical only: still uninsured here", ADULT,
                        resident((r, id) -> r.insuredElsewhere(id, "510000", "390", "1")),
                        "UNINSURED", "", "170;390", "NO_PARTICIPATION NEVER_HELD NEVER_HELD"),
                new Case("sex stated against the identity number", ADULT,
                        (r, id) -> {
                            r.write("POLICE", id, id, Operation.ADD, SourceRecords.RECEIVED, new Person(id,
                                    IdNumberOrigin.AS_GIVEN, null, "孙八", null, "2", "01", ADULT, "1", TOWNSHIP,
                                    TOWNSHIP, "0", "某路", null), List.of(), Facts.NONE);
                            medical390(r, id);
                            pension170(r, id);
                        }, "INSURED", "SEX_MISMATCH", "", "SEX_MISMATCH"),
                new Case("known only from the card base", ADULT, (r, id) -> r.card(id, "周九"),
                        "NOT_IN_POPULATION", "", "", "NOT_IN_POPULATION"),
                new Case("known only from a scheme system", ADULT, ClassificationTest::pension170,
                        "NOT_IN_POPULATION", "", "", "NOT_IN_POPULATION"),
                new Case("registered outside the province", ADULT,
                        (r, id) -> r.police(id, "吴十", "1", "510104001", "510104001", "0", null, "成都", Operation.ADD,
                                SourceRecords.RECEIVED),
                        "NOT_IN_POPULATION", "", "", "NOT_IN_POPULATION"),
                new Case("deleted from the population (POLICE DELETE)", ADULT,
                        (r, id) -> {
                            r.police(id, "郑一", TOWNSHIP);
                            r.police(id, "郑一", "1", TOWNSHIP, TOWNSHIP, "0", null, "某路", Operation.DELETE,
                                    SourceRecords.RECEIVED.plusDays(1));
                            medical390(r, id);
                        }, "NOT_IN_POPULATION", "", "", "NOT_IN_POPULATION"));
    }

    /** A county no other test places persons in (囊谦县, 香达镇), whose rates this class knows exactly. */
    private static final String OWN_COUNTY = "632725";
    private static final String OWN_TOWNSHIP = "632725100";

    @Autowired
    ComparisonRuns runs;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final Map<String, String> idOfCase = new HashMap<>();
    private String nonRegisteredResident;
    private String residentOfAFormerCounty;
    private long runId;

    @BeforeAll
    void classifyEveryCase() {
        SourceRecords records = new SourceRecords(jdbc);
        cases().forEach(c -> {
            String id = TestPersons.bornOn(c.born(), true);
            idOfCase.put(c.name(), id);
            c.setup().write(records, id);
        });
        nonRegisteredResident = TestPersons.adult();
        records.police(nonRegisteredResident, "马二", "2", "510104001", "630104003", "0", null, "四川省成都市",
                Operation.ADD, SourceRecords.RECEIVED);
        residentOfAFormerCounty = TestPersons.adult();
        records.police(residentOfAFormerCounty, "马三", "630122101");
        populateOwnCounty(records);
        ComparisonRuns.Run run = runs.run(D, "TEST");
        assertThat(run.status()).as("run error: %s", run.error()).isEqualTo("COMPLETED");
        runId = run.id();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(Case c) throws Exception {
        Map<String, Object> result = jdbc.queryForMap("SELECT category, "
                + "coalesce(array_to_string(flags, ' '), '') AS flags, "
                + "coalesce(array_to_string(missing_schemes, ';'), '') AS missing, rostered, "
                + "CAST(reasons AS text) AS reasons "
                + "FROM comparison_result WHERE run_id = ? AND id_number = ?", runId, idOfCase.get(c.name()));

        assertThat(result.get("category")).isEqualTo(c.category());
        assertThat(result.get("flags")).isEqualTo(c.flags());
        assertThat(result.get("missing")).isEqualTo(c.missing());
        assertThat(result.get("rostered")).isEqualTo(List.of("UNINSURED", "LAPSED", "PARTIAL").contains(c.category()));
        assertThat(reasonCodes((String) result.get("reasons"))).isEqualTo(c.reasonCodes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyReasonNamesItsEvidence(Case c) throws Exception {
        String stored = jdbc.queryForObject("SELECT CAST(reasons AS text) FROM comparison_result "
                + "WHERE run_id = ? AND id_number = ?", String.class, runId, idOfCase.get(c.name()));
        // an INSURED person without flags has no reasons; every other person has one per code of the row
        assertThat(stored == null).isEqualTo(c.reasonCodes().isEmpty());
        JsonNode reasons = new ObjectMapper().readTree(stored == null ? "[]" : stored);
        assertThat(reasons).hasSize(c.reasonCodes().isEmpty() ? 0 : c.reasonCodes().split(" ").length);
        for (JsonNode reason : reasons) {
            switch (reason.get("code").asText()) {
                case "LAPSED" -> assertThat(reason.at("/evidence/sourceRecordId").asLong()).isPositive();
                case "DECEASED", "IN_CUSTODY", "MOVED_OUT", "CANCELLED", "STUDENT", "ASSISTANCE_UNINSURED" ->
                        assertThat(reason.get("sourceRecordId").asLong()).isPositive();
                case "DUPLICATE" -> assertThat(reason.get("participations")).hasSizeGreaterThanOrEqualTo(2);
                case "INSURED_ELSEWHERE" -> assertThat(reason.get("elsewhere")).isNotEmpty();
                case "NEVER_HELD" -> assertThat(reason.get("enrol").asText()).matches("\\d{3}");
                default -> assertThat(reason.get("code").asText())
                        .isIn("NO_PARTICIPATION", "NOT_IN_POPULATION", "SEX_MISMATCH");
            }
        }
    }

    @Test
    void rostersNonRegisteredResidentByCountyOfResidence() {
        Map<String, Object> result = jdbc.queryForMap("SELECT category, county, township, rostered "
                + "FROM comparison_result WHERE run_id = ? AND id_number = ?", runId, nonRegisteredResident);

        assertThat(result).containsEntry("category", "UNINSURED").containsEntry("county", "630104")
                .containsEntry("township", "630104003").containsEntry("rostered", true);
    }

    @Test
    void rostersAResidentOfAFormerCountyWithTheCountyThatSucceededIt() {
        // 湟中县 (630122) is today's 湟中区 (630106): canbao.roster.county-successors
        Map<String, Object> result = jdbc.queryForMap("SELECT category, county, township, prefecture "
                + "FROM comparison_result WHERE run_id = ? AND id_number = ?", runId, residentOfAFormerCounty);

        assertThat(result).containsEntry("category", "UNINSURED").containsEntry("county", "630106")
                .containsEntry("township", "630122101").containsEntry("prefecture", "630100");
    }

    /**
     * Five persons: insured for both (pension rate 1 of 3, medical rate 3 of 4), medical only (PARTIAL), nothing
     * (UNINSURED), a child with medical (no pension expected), and a dead person (EXCLUDED, in no rate).
     */
    private void populateOwnCounty(SourceRecords records) {
        String insured = TestPersons.adult();
        records.police(insured, "甲一", OWN_TOWNSHIP);
        records.participation(insured, "390", OWN_COUNTY, "1", null, PAID);
        records.participation(insured, "170", OWN_COUNTY, "1", "1", PAID);
        String medicalOnly = TestPersons.adult();
        records.police(medicalOnly, "甲二", OWN_TOWNSHIP);
        records.participation(medicalOnly, "390", OWN_COUNTY, "1", null, PAID);
        records.police(TestPersons.adult(), "甲三", OWN_TOWNSHIP);
        String child = TestPersons.bornOn(LocalDate.of(2010, 3, 3), false);
        records.police(child, "甲四", OWN_TOWNSHIP);
        records.participation(child, "390", OWN_COUNTY, "1", null, PAID);
        records.police(TestPersons.adult(), "甲五", "1", OWN_TOWNSHIP, OWN_TOWNSHIP, "1", LocalDate.of(2017, 5, 1),
                "某路", Operation.ADD, SourceRecords.RECEIVED);
    }

    @Test
    void statesTheCoverageRatesOfACountyExactly() throws Exception {
        JsonNode county = new ObjectMapper().readTree(ApiClient.as("operator", DATA_DIR, port)
                .get("/api/v1/stats?region=" + OWN_COUNTY + "&run=" + runId).body()).get("region");

        assertThat(county.get("persons").asLong()).isEqualTo(5);
        assertThat(county.get("excluded").asLong()).isEqualTo(1);
        assertThat(county.get("pensionExpected").asLong()).isEqualTo(3);
        assertThat(county.get("pensionMet").asLong()).isEqualTo(1);
        assertThat(county.get("pensionRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(county.get("medicalExpected").asLong()).isEqualTo(4);
        assertThat(county.get("medicalMet").asLong()).isEqualTo(3);
        assertThat(county.get("medicalRate").asDouble()).isEqualTo(0.75);
        // nobody surveyed yet: the run's survey rate is 0 of its 2 rostered persons
        assertThat(county.get("rostered").asLong()).isEqualTo(2);
        assertThat(county.get("surveyRate").isNumber()).isTrue();
        assertThat(county.get("surveyRate").asDouble()).isEqualTo(0.0);
    }

    @Test
    void showsAnEndedParticipationAsTheLapsedEvidence() throws Exception {
        String reasons = jdbc.queryForObject("SELECT CAST(reasons AS text) FROM comparison_result "
                + "WHERE run_id = ? AND id_number = ?", String.class, runId, idOfCase.get(ENDED_EVIDENCE));

        JsonNode evidence = new ObjectMapper().readTree(reasons).get(0).get("evidence");
        assertThat(evidence.get("scheme").asText()).isEqualTo("310");
        assertThat(evidence.get("lastPaidMonth").asText()).isEqualTo("2017-08");
        assertThat(evidence.get("ended").asBoolean()).isTrue();
    }

    private static String reasonCodes(String reasons) throws Exception {
        if (reasons == null) {
            return "";
        }
        List<String> codes = new ArrayList<>();
        new ObjectMapper().readTree(reasons).forEach(reason -> codes.add(reason.get("code").asText()));
        return String.join(" ", codes);
    }
}
