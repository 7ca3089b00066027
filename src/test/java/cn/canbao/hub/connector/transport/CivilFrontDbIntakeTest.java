package cn.canbao.hub.connector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.embedded.EmbeddedFrontDatabase;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The civil-affairs front database (spec §4.10) as the civil-affairs side writes it and the hub marks it. */
class CivilFrontDbIntakeTest extends HubIntegrationTest {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate registry;

    private JdbcTemplate civilAffairs;

    @BeforeEach
    void connectAsTheCivilAffairsSide() {
        civilAffairs = new JdbcTemplate(postgres.getDatabase("postgres", EmbeddedFrontDatabase.DATABASE));
    }

    private long insertRow(String idNumber, String category, String op) {
        long seq = SEQ.incrementAndGet();
        civilAffairs.update("INSERT INTO mz_jzdx_exchange (seq, id_number, name, category, region, valid_from, "
                + "valid_to, op, op_time) VALUES (?, ?, '王芳', ?, '630102001', DATE '2017-01-01', NULL, ?, "
                + "TIMESTAMP '2017-10-15 09:00:00')", seq, idNumber, category, op);
        return seq;
    }

    private Map<String, Object> awaitSynced(long seq) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !"0".equals(civilAffairs.queryForObject(
                "SELECT sync_status FROM mz_jzdx_exchange WHERE seq = ?", String.class, seq)));
        return civilAffairs.queryForMap("SELECT sync_status, sync_msg FROM mz_jzdx_exchange WHERE seq = ?", seq);
    }

    @Test
    void marksARowTakenOnceItIsInTheRegistry() {
        String person = TestIds.next("630102", 1960, false);
        long seq = insertRow(person, "02", "I");

        Map<String, Object> row = awaitSynced(seq);

        assertThat(row.get("sync_status")).isEqualTo("1");
        assertThat(registry.queryForObject("SELECT payload->'facts'->'assistance'->>'category' FROM source_record "
                + "WHERE intake_key = ?", String.class, "frontdb:CIVIL:" + seq)).isEqualTo("02");
        assertThat(registry.queryForObject("SELECT operation FROM source_record WHERE intake_key = ?", String.class,
                "frontdb:CIVIL:" + seq)).isEqualTo("ADD");
    }

    @Test
    void marksARowWithAnInvalidIdentityNumberRejectedWithTheReason() {
        String wrong = TestIds.withWrongCheckCharacter(TestIds.next("630102", 1961, false));
        long seq = insertRow(wrong, "01", "I");

        Map<String, Object> row = awaitSynced(seq);

        assertThat(row.get("sync_status")).isEqualTo("9");
        assertThat((String) row.get("sync_msg")).contains("ID_CHECKSUM").contains("id_number");
        assertThat(registry.queryForObject("SELECT count(*) FROM quarantine WHERE intake_key = ?", Long.class,
                "frontdb:CIVIL:" + seq)).isEqualTo(1);
    }

    @Test
    void marksARowOfUnknownCategoryRejected() {
        long seq = insertRow(TestIds.next("630102", 1962, true), "05", "U");

        assertThat(awaitSynced(seq).get("sync_msg").toString()).contains("CODE_UNKNOWN");
    }
}
