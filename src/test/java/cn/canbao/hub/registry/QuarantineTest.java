package cn.canbao.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.HubIntegrationTest;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The one quarantine writer: one entry per intake key, the first kept or brought up to the last delivery. */
class QuarantineTest extends HubIntegrationTest {

    private static final OffsetDateTime FIRST = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final OffsetDateTime AGAIN = FIRST.plusDays(1);

    @Autowired
    Quarantine quarantine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRecordThatArrivedAloneKeepsItsFirstEntryWhenDeliveredAgain() {
        String key = "test:" + UUID.randomUUID();

        quarantine.keep(Quarantine.Entry.single("CIVIL", key, "front-db row 1", "first", "[{\"code\": \"ID_FORMAT\"}]",
                FIRST), Quarantine.Earlier.KEPT);
        quarantine.keep(Quarantine.Entry.single("CIVIL", key, "front-db row 1", "again", "[{\"code\": \"HUB_FAULT\"}]",
                AGAIN), Quarantine.Earlier.KEPT);

        assertThat(entriesOf(key)).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("raw", "first");
            assertThat((String) entry.get("errors")).contains("ID_FORMAT");
            assertThat(((Timestamp) entry.get("received_at")).toInstant()).isEqualTo(FIRST.toInstant());
        });
    }

    @Test
    void aFileRecordSentAgainBringsItsEntryUpToTheLastDelivery() {
        String key = "test:" + UUID.randomUUID();

        quarantine.keepAll(List.of(new Quarantine.Entry("PENSION", key, "first.txt#3", null, 3L, "first",
                "[{\"code\": \"ID_FORMAT\"}]", FIRST)), Quarantine.Earlier.REPLACED);
        quarantine.keepAll(List.of(new Quarantine.Entry("PENSION", key, "again.txt#3", null, 3L, "again",
                "[{\"code\": \"FIELD_MISSING\"}]", AGAIN)), Quarantine.Earlier.REPLACED);

        assertThat(entriesOf(key)).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("raw", "again").containsEntry("source_ref", "again.txt#3")
                    .containsEntry("record_no", 3L);
            assertThat((String) entry.get("errors")).contains("FIELD_MISSING");
            assertThat(((Timestamp) entry.get("received_at")).toInstant()).isEqualTo(AGAIN.toInstant());
        });
    }

    @Test
    void keepsANulOfTheRawTextVisible() {
        String key = "test:" + UUID.randomUUID();

        quarantine.keep(Quarantine.Entry.single("SURVEY", key, "survey result", "a\0b", "[]", FIRST),
                Quarantine.Earlier.KEPT);

        assertThat(entriesOf(key)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("raw",
                "a\\u0000b"));
    }

    @Test
    void releasesAnEntrySoThatTheNextDeliveryIsKeptAnew() {
        String key = "test:" + UUID.randomUUID();
        quarantine.keep(Quarantine.Entry.single("PENSION", key, "event 1", "first", "[{\"code\": \"HUB_FAULT\"}]",
                FIRST), Quarantine.Earlier.KEPT);

        quarantine.release(key);
        quarantine.keep(Quarantine.Entry.single("PENSION", key, "event 1", "again", "[{\"code\": \"ID_FORMAT\"}]",
                AGAIN), Quarantine.Earlier.KEPT);

        assertThat(entriesOf(key)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("raw", "again"));
    }

    private List<Map<String, Object>> entriesOf(String key) {
        return jdbc.queryForList("SELECT source_ref, record_no, raw, CAST(errors AS text) AS errors, received_at "
                + "FROM quarantine WHERE intake_key = ?", key);
    }
}
