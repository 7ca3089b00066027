package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.support.HubIntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** After a rule change a new run reports who changed category and why. */
class RunDiffTest extends HubIntegrationTest {

    private static final LocalDate D = LocalDate.of(2017, 10, 15);

    @Autowired
    ComparisonRuns runs;
    @Autowired
    RunDiffs diffs;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reportsPersonsWhoseCategoryChangedUnderAWiderPaymentWindow() {
        String id = TestPersons.adult();
        SourceRecords records = new SourceRecords(jdbc);
        records.police(id, "冯五", "630105005");
        records.participation(id, "170", "630105", "1", "1", YearMonth.of(2017, 9));
        records.participation(id, "310", "630105", "1", null, YearMonth.of(2017, 6));
        ComparisonProperties.Rules spec = ComparisonProperties.Rules.specification();
        ComparisonProperties.Rules wider = new ComparisonProperties.Rules(4, spec.yearlyPaymentWindowMonths(),
                spec.pensionAge());

        ComparisonRuns.Run before = runs.run(D, "TEST", spec);
        ComparisonRuns.Run after = runs.run(D, "TEST", wider);
        RunDiffs.Diff diff = diffs.diff(before.id(), after.id(), null, 10_000).orElseThrow();

        assertThat(after.rulesVersion()).isNotEqualTo(before.rulesVersion());
        assertThat(diff.rulesChanged()).containsOnlyKeys("paymentWindowMonths");
        assertThat(diff.rulesChanged().get("paymentWindowMonths")).isEqualTo(new RunDiffs.RuleChange(3, 4));
        assertThat(diff.transitions()).anySatisfy(t -> {
            assertThat(t.from()).isEqualTo("LAPSED");
            assertThat(t.to()).isEqualTo("INSURED");
        });
        RunDiffs.PersonChange change = diff.persons().stream().filter(p -> p.idNumber().equals(id)).findFirst()
                .orElseThrow();
        assertThat(change.fromCategory()).isEqualTo("LAPSED");
        assertThat(change.toCategory()).isEqualTo("INSURED");
        @SuppressWarnings("unchecked")
        Map<String, Object> reason = ((List<Map<String, Object>>) change.fromReasons()).get(0);
        assertThat(reason).containsEntry("code", "LAPSED").containsEntry("expectation", "MEDICAL");
        assertThat(change.toReasons()).isEqualTo(List.of());
    }

    @Test
    void pagesThroughEveryChangedPersonOnceInTheOrderOfTheirIdentityNumbers() {
        SourceRecords records = new SourceRecords(jdbc);
        for (int i = 0; i < 3; i++) {
            String id = TestPersons.adult();
            records.police(id, "蒋七", "630105007");
            records.participation(id, "170", "630105", "1", "1", YearMonth.of(2017, 9));
            records.participation(id, "310", "630105", "1", null, YearMonth.of(2017, 6));
        }
        ComparisonProperties.Rules spec = ComparisonProperties.Rules.specification();
        ComparisonRuns.Run before = runs.run(D, "TEST", spec);
        ComparisonRuns.Run after = runs.run(D, "TEST", new ComparisonProperties.Rules(4,
                spec.yearlyPaymentWindowMonths(), spec.pensionAge()));
        List<String> all = diffs.diff(before.id(), after.id(), null, 10_000).orElseThrow().persons().stream()
                .map(RunDiffs.PersonChange::idNumber).toList();

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            RunDiffs.Diff page = diffs.diff(before.id(), after.id(), next, 2).orElseThrow();
            page.persons().forEach(change -> paged.add(change.idNumber()));
            next = page.nextAfter();
        } while (next != null);

        assertThat(all).hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void aRunDiffedWithItselfHasNoChanges() {
        ComparisonRuns.Run run = runs.run(D, "TEST");

        RunDiffs.Diff diff = diffs.diff(run.id(), run.id(), null, 100).orElseThrow();

        assertThat(diff.rulesChanged()).isEmpty();
        assertThat(diff.transitions()).isEmpty();
        assertThat(diff.persons()).isEmpty();
    }

    @Test
    void findsNoChangeBetweenARunStoredWithEmptyArraysAndOneStoringNull() {
        String id = TestPersons.adult();
        new SourceRecords(jdbc).police(id, "褚六", "630105006");
        ComparisonRuns.Run before = runs.run(D, "TEST");
        // as runs stored before V14 hold "no flags"
        jdbc.update("UPDATE comparison_result SET flags = '{}' WHERE run_id = ? AND flags IS NULL", before.id());
        ComparisonRuns.Run after = runs.run(D, "TEST");

        RunDiffs.Diff diff = diffs.diff(before.id(), after.id(), null, 10_000).orElseThrow();

        assertThat(jdbc.queryForObject("SELECT flags IS NULL FROM comparison_result WHERE run_id = ? AND id_number = ?",
                Boolean.class, after.id(), id)).isTrue();
        assertThat(diff.persons()).noneMatch(change -> change.idNumber().equals(id));
    }
}
