package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.model.Operation;
import cn.canbao.hub.registry.SourceRecords;
import cn.canbao.hub.registry.SqlStatements;
import cn.canbao.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts of spec §7.2 through the transactional outbox: one message per person and cause on the scheme system's
 * queue, not repeated by a second run, and not repeated when the hub sends a row again after a crash between
 * the send and marking it sent; sent for every fact that calls for one, in the population base or not, and sent again
 * when its cause went away and came back.
 */
class AlertTest extends HubIntegrationTest {

    private static final LocalDate D = LocalDate.of(2017, 10, 15);

    @Autowired
    ComparisonRuns runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JmsTemplate jms;
    @Autowired
    TransactionTemplate transaction;

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> received = new ArrayList<>();

    @Test
    void looksARunsPersonsUpThroughTheParticipationsPersonIndex() {
        // a run's identity numbers compare as bytes (V11), the registry's in the database's collation: an index
        // serves only comparisons in its own collation, and a scan of every participation per candidate took
        // minutes at province scale
        ComparisonRuns.Run run = runs.run(D, "TEST");
        MapSqlParameterSource parameters = new MapSqlParameterSource("runId", run.id()).addValue("asOf", D)
                .addValue("pensionQueue", AlertDetection.PENSION_ALERTS)
                .addValue("medicalQueue", AlertDetection.MEDICAL_ALERTS);

        List<String> plan = transaction.execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return new NamedParameterJdbcTemplate(jdbc).queryForList(
                    "EXPLAIN " + SqlStatements.named("compare/alerts-collect"), parameters, String.class);
        });

        assertThat(String.join("\n", plan)).contains("registry_participation_person")
                .containsPattern("Index Cond: \\(id_number = \\(r\\.id_number\\)");
    }

    @Test
    void alertsOnceWhenAPensionRecipientIsDeceased() throws Exception {
        String id = TestPersons.adult();
        SourceRecords records = new SourceRecords(jdbc);
        long police = records.police(id, "孙老", "1", "630105002", "630105002", "1", LocalDate.of(2017, 9, 1),
                "某路", Operation.ADD, SourceRecords.RECEIVED);
        long pension = records.participation(id, "110", "630105", "3", "2", YearMonth.of(2012, 12));

        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitAlerts(AlertDetection.PENSION_ALERTS, id, 1);
        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitOutboxSent();

        List<JsonNode> alerts = drain(AlertDetection.PENSION_ALERTS, id);
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("type").asText()).isEqualTo("BENEFIT_RECIPIENT_DECEASED");
        assertThat(alert.get("alertId").asText()).hasSize(36);
        assertThat(alert.at("/evidence/statements/0/sourceRecordId").asLong()).isEqualTo(police);
        assertThat(alert.at("/evidence/pension/0/sourceRecordId").asLong()).isEqualTo(pension);
    }

    @Test
    void alertsDuplicateMedicalOnTheMedicalQueue() throws Exception {
        String id = TestPersons.adult();
        SourceRecords records = new SourceRecords(jdbc);
        records.police(id, "周中", "630105003");
        records.participation(id, "310", "630105", "1", null, YearMonth.of(2017, 9));
        records.participation(id, "390", "630103", "1", null, YearMonth.of(2017, 9));

        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitAlerts(AlertDetection.MEDICAL_ALERTS, id, 1);

        JsonNode alert = drain(AlertDetection.MEDICAL_ALERTS, id).get(0);
        assertThat(alert.get("type").asText()).isEqualTo("DUPLICATE_MEDICAL");
        assertThat(alert.at("/evidence/participations")).hasSize(2);
    }

    @Test
    void doesNotRepeatAnAlertSentAgainAfterACrash() throws Exception {
        String id = TestPersons.adult();
        SourceRecords records = new SourceRecords(jdbc);
        records.police(id, "吴狱", "630105004");
        records.participation(id, "170", "630105", "3", "2", YearMonth.of(2015, 1));
        records.custody(id, LocalDate.of(2017, 1, 1), LocalDate.of(2019, 1, 1), "1");
        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitAlerts(AlertDetection.PENSION_ALERTS, id, 1);

        // the hub stopped after the broker took the message but before sent_at was committed
        jdbc.update("UPDATE alert_outbox SET sent_at = NULL WHERE id_number = ?", id);
        awaitOutboxSent();

        List<JsonNode> alerts = drain(AlertDetection.PENSION_ALERTS, id);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("type").asText()).isEqualTo("BENEFIT_RECIPIENT_IN_CUSTODY");
    }

    @Test
    void alertsAPensionRecipientWhomJusticeReportsDeadOutsideThePopulationBase() throws Exception {
        String id = TestPersons.adult();
        SourceRecords records = new SourceRecords(jdbc);
        records.participation(id, "110", "630105", "3", "2", YearMonth.of(2012, 12));
        long death = records.custody(id, LocalDate.of(2016, 1, 1), LocalDate.of(2020, 1, 1), "3");

        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitAlerts(AlertDetection.PENSION_ALERTS, id, 1);

        JsonNode alert = drain(AlertDetection.PENSION_ALERTS, id).get(0);
        assertThat(alert.get("type").asText()).isEqualTo("BENEFIT_RECIPIENT_DECEASED");
        assertThat(alert.at("/evidence/statements/0/system").asText()).isEqualTo("JUSTICE");
        assertThat(alert.at("/evidence/statements/0/sourceRecordId").asLong()).isEqualTo(death);
        assertThat(category(id)).isEqualTo("NOT_IN_POPULATION");
    }

    @Test
    void alertsAPensionRecipientWhomPoliceDeletedAsDead() throws Exception {
        String id = TestPersons.adult();
        SourceRecords records = new SourceRecords(jdbc);
        records.police(id, "冯老", "630105005");
        long deleted = records.police(id, "冯老", "1", "630105005", "630105005", "1", LocalDate.of(2017, 9, 1),
                "某路", Operation.DELETE, SourceRecords.RECEIVED.plusDays(1));
        records.participation(id, "120", "630105", "3", "2", YearMonth.of(2013, 6));

        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitAlerts(AlertDetection.PENSION_ALERTS, id, 1);

        JsonNode alert = drain(AlertDetection.PENSION_ALERTS, id).get(0);
        assertThat(alert.get("type").asText()).isEqualTo("BENEFIT_RECIPIENT_DECEASED");
        assertThat(alert.at("/evidence/statements/0/system").asText()).isEqualTo("POLICE");
        assertThat(alert.at("/evidence/statements/0/sourceRecordId").asLong()).isEqualTo(deleted);
        assertThat(category(id)).isEqualTo("NOT_IN_POPULATION");
    }

    @Test
    void alertsEveryFactOfAPensionRecipientWhateverTheExclusionFoundFirst() throws Exception {
        // dead and in custody: excluded as DECEASED, and still alerted for the custody
        String deadInCustody = TestPersons.adult();
        SourceRecords records = new SourceRecords(jdbc);
        records.police(deadInCustody, "褚老", "1", "630105006", "630105006", "1", LocalDate.of(2017, 9, 1), "某路",
                Operation.ADD, SourceRecords.RECEIVED);
        records.participation(deadInCustody, "110", "630105", "3", "2", YearMonth.of(2012, 12));
        records.custody(deadInCustody, LocalDate.of(2017, 1, 1), LocalDate.of(2019, 1, 1), "1");
        // in custody and insured in another province for the medical scheme missing here
        String elsewhere = TestPersons.adult();
        records.police(elsewhere, "卫老", "630105006");
        records.participation(elsewhere, "170", "630105", "3", "2", YearMonth.of(2014, 1));
        records.custody(elsewhere, LocalDate.of(2017, 1, 1), LocalDate.of(2019, 1, 1), "1");
        records.insuredElsewhere(elsewhere, "510000", "390", "1");

        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitAlerts(AlertDetection.PENSION_ALERTS, deadInCustody, 2);
        awaitAlerts(AlertDetection.PENSION_ALERTS, elsewhere, 1);

        assertThat(drain(AlertDetection.PENSION_ALERTS, deadInCustody)).extracting(a -> a.get("type").asText())
                .containsExactlyInAnyOrder("BENEFIT_RECIPIENT_DECEASED", "BENEFIT_RECIPIENT_IN_CUSTODY");
        assertThat(drain(AlertDetection.PENSION_ALERTS, elsewhere)).extracting(a -> a.get("type").asText())
                .containsExactly("BENEFIT_RECIPIENT_IN_CUSTODY");
    }

    @Test
    void alertsAgainWhenTheCauseWentAwayAndCameBack() throws Exception {
        String id = TestPersons.adult();
        SourceRecords records = new SourceRecords(jdbc);
        records.police(id, "蒋老", "630105007");
        records.participation(id, "110", "630105", "3", "2", YearMonth.of(2012, 12));
        LocalDate from = LocalDate.of(2017, 1, 1);
        LocalDate until = LocalDate.of(2019, 1, 1);
        records.custody(id, from, until, "1");
        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitAlerts(AlertDetection.PENSION_ALERTS, id, 1);

        records.custody(id, from, until, "2");
        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        records.custody(id, from, until, "1");
        assertThat(runs.run(D, "TEST").status()).isEqualTo("COMPLETED");
        awaitAlerts(AlertDetection.PENSION_ALERTS, id, 2);
        awaitOutboxSent();

        List<JsonNode> alerts = drain(AlertDetection.PENSION_ALERTS, id);
        assertThat(alerts).hasSize(2).extracting(a -> a.get("type").asText())
                .containsOnly("BENEFIT_RECIPIENT_IN_CUSTODY");
        assertThat(alerts.get(0).get("alertId")).isNotEqualTo(alerts.get(1).get("alertId"));
        // the same cause, stated by the latest JUSTICE record each time
        for (JsonNode alert : alerts) {
            assertThat(alert.at("/evidence/statements/0/custodyStatus").asText()).isEqualTo("1");
            assertThat(alert.at("/evidence/statements/0/from").asText()).isEqualTo("2017-01-01");
        }
    }

    private String category(String id) {
        return jdbc.queryForObject("SELECT category FROM comparison_result WHERE run_id = "
                + "(SELECT max(id) FROM comparison_run) AND id_number = ?", String.class, id);
    }

    private void awaitAlerts(String queue, String id, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            received.addAll(receive(queue, 200));
            return received.stream().filter(a -> a.get("idNumber").asText().equals(id)).count() >= count;
        });
    }

    private void awaitOutboxSent() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM alert_outbox WHERE sent_at IS NULL", Long.class) == 0);
    }

    /** Everything on the queue now, plus what was received before, for this person. */
    private List<JsonNode> drain(String queue, String id) throws Exception {
        received.addAll(receive(queue, 1000));
        List<JsonNode> mine = received.stream().filter(a -> a.get("idNumber").asText().equals(id)).toList();
        received.removeAll(mine);
        return mine;
    }

    private List<JsonNode> receive(String queue, long timeoutMillis) throws Exception {
        jms.setReceiveTimeout(timeoutMillis);
        List<JsonNode> alerts = new ArrayList<>();
        Message message;
        while ((message = jms.receive(queue)) != null) {
            alerts.add(json.readTree(((TextMessage) message).getText()));
        }
        return alerts;
    }
}
