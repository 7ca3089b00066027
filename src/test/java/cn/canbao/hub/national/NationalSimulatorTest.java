package cn.canbao.hub.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.compare.ComparisonRuns;
import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.TestHub;
import cn.canbao.hub.support.TestIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded run's national simulator closes the loop by itself: it answers a run's COMPARE_REQUESTs from its
 * persons file as broker user {@code national}, and the next run excludes the person another province covers for
 * every expectation, while the one it covers for medical only stays uninsured. A hub of its own: the simulator
 * consumes canbao.out.national, which the other tests read as the national system themselves.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NationalSimulatorTest {

    private static final TestHub HUB = TestHub.create();
    private static final Path PERSONS = HUB.dataDir().resolve("national/insured-elsewhere.csv");
    private static final String COVERED = TestIds.next("630105", 1979, true);
    private static final String COVERED_IN_PART = TestIds.next("630105", 1979, false);
    private static final LocalDate D = LocalDate.of(2017, 10, 15);

    @DynamicPropertySource
    static void hubWithTheSimulator(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        registry.add("canbao.national.simulator.enabled", () -> true);
        registry.add("canbao.national.simulator.persons-file", PERSONS::toString);
        try {
            Files.createDirectories(PERSONS.getParent());
            Files.write(PERSONS, List.of("id_number,province,scheme,status", COVERED + ",510000,170,1",
                    COVERED + ",510000,390,1", COVERED_IN_PART + ",510000,390,1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    ComparisonRuns runs;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answersARunsRequestsSoThatTheNextRunExcludesWhomAnotherProvinceCovers() {
        SourceRecords records = new SourceRecords(jdbc);
        records.police(COVERED, "赵一", "630105001");
        records.police(COVERED_IN_PART, "赵二", "630105001");

        long first = completedRun();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM national_compare_request WHERE run_id = ? AND status = 'ANSWERED'",
                Long.class, first) > 0 && jdbc.queryForObject("SELECT count(*) FROM national_compare_request"
                + " WHERE run_id = ? AND status <> 'ANSWERED'", Long.class, first) == 0);
        long second = completedRun();

        assertThat(category(second, COVERED)).isEqualTo("EXCLUDED INSURED_ELSEWHERE");
        assertThat(category(second, COVERED_IN_PART)).isEqualTo("UNINSURED null");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM national_parked_message", Long.class)).isZero();
    }

    private long completedRun() {
        ComparisonRuns.Run run = runs.run(D, "TEST");
        assertThat(run.status()).as("run error: %s", run.error()).isEqualTo("COMPLETED");
        return run.id();
    }

    private String category(long runId, String idNumber) {
        return jdbc.queryForObject("SELECT category || ' ' || coalesce(exclusion, 'null') FROM comparison_result"
                + " WHERE run_id = ? AND id_number = ?", String.class, runId, idNumber);
    }
}
