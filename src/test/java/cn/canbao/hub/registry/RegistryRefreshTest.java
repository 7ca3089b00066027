package cn.canbao.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.model.Facts;
import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Person;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The registry derived from source records: precedence, conflicts, history, soft deletes, snapshots, late commits. */
class RegistryRefreshTest extends HubIntegrationTest {

    @Autowired
    RegistryRefresh refresh;
    @Autowired
    PersonHistory history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private SourceRecords records() {
        return new SourceRecords(jdbc);
    }

    @Test
    void takesIdentityFromPoliceAndRecordsWhereAnotherSourceDisagrees() {
        String id = TestIds.next("630104", 1975, true);
        long police = records().police(id, "张三", "630104001");
        long pension = records().participation(id, "张山", "110", "630104", "1", "1", YearMonth.of(2017, 9));

        refresh.refresh();

        PersonHistory.MergedPerson merged = history.merged(id).orElseThrow();
        assertThat(merged.name()).isEqualTo("张三");
        assertThat(merged.nameSystem()).isEqualTo("POLICE");
        assertThat(merged.householdRegion()).isEqualTo("630104001");
        assertThat(merged.policeRecordId()).isEqualTo(police);
        assertThat(merged.systems()).containsExactly("PENSION", "POLICE");
        assertThat(history.conflicts(id)).singleElement().satisfies(conflict -> {
            assertThat(conflict.field()).isEqualTo("name");
            assertThat(conflict.statements()).isEqualTo(List.of(
                    Map.of("system", "POLICE", "value", "张三", "sourceRecordId", (int) police),
                    Map.of("system", "PENSION", "value", "张山", "sourceRecordId", (int) pension)));
        });
    }

    @Test
    void answersWhatTheRegistryKnewAtAPastDate() {
        String id = TestIds.next("630104", 1976, false);
        records().police(id, "李四", "1", "630104002", "630104002", "0", null, "旧址", Operation.ADD,
                SourceRecords.RECEIVED);
        records().police(id, "李思", "1", "630104003", "630104003", "0", null, "新址", Operation.UPDATE,
                SourceRecords.RECEIVED.plusMonths(1));

        refresh.refresh();

        assertThat(history.merged(id).orElseThrow().name()).isEqualTo("李思");
        PersonHistory.MergedPerson then = history.mergedBefore(id, SourceRecords.RECEIVED.plusDays(1)).orElseThrow();
        assertThat(then.name()).isEqualTo("李四");
        assertThat(then.address()).isEqualTo("旧址");
        assertThat(history.mergedBefore(id, SourceRecords.RECEIVED)).isEmpty();
        assertThat(history.records(id, null)).extracting(PersonHistory.SourceRecord::current)
                .containsExactly(false, true);
    }

    @Test
    void mergesWhatItKnowsNowByTheSameRulesAsTheRefresh() {
        String id = TestIds.next("630104", 1977, true);
        records().card(id, "王二");
        records().participation(id, "王贰", "110", "630104", "1", "1", YearMonth.of(2017, 9));
        records().police(id, "王两", "1", "630104004", "630104005", "0", null, "某路", Operation.ADD,
                SourceRecords.RECEIVED);

        refresh.refresh();

        OffsetDateTime afterEveryRecord = OffsetDateTime.now().plusDays(1);
        assertThat(history.mergedBefore(id, afterEveryRecord)).isEqualTo(history.merged(id));
        assertThat(history.conflictsBefore(id, afterEveryRecord)).isEqualTo(history.conflicts(id)).isNotEmpty();
    }

    @Test
    void aDeleteEndsTheStatementButKeepsItsHistory() {
        String id = TestIds.next("630104", 1977, true);
        records().police(id, "王五", "630104004");
        records().card(id, "王五");
        records().police(id, "王五", "1", "630104004", "630104004", "0", null, "某路", Operation.DELETE,
                SourceRecords.RECEIVED.plusDays(2));

        refresh.refresh();

        PersonHistory.MergedPerson merged = history.merged(id).orElseThrow();
        assertThat(merged.policeRecordId()).isNull();
        assertThat(merged.systems()).containsExactly("CARD");
        assertThat(history.records(id, null)).hasSize(3);
    }

    @Test
    void keepsEachPersonsCoverageWithTheMergedView() {
        String id = TestIds.next("630104", 1970, true);
        records().participation(id, "390", "630104", "1", null, YearMonth.of(2017, 9));
        records().participation(id, "390", "630102", "1", null, YearMonth.of(2017, 6));
        records().participation(id, "110", "630104", "1", "1", YearMonth.of(2017, 8));
        refresh.refresh();

        assertThat(coverage(id)).containsExactly(33, 0, 0, "2017-08-01", null, "2017-09-01",
                "{NULL,NULL,NULL,NULL,NULL,2017-06-01,NULL,NULL}", "2017-08-01");

        // the pension scheme now states the person as drawing benefits: merged again, coverage with it — one
        // person of more than five, whose coverage the refresh reads through the participations' person index
        for (int other = 0; other < 5; other++) {
            records().participation(TestIds.next("630104", 1980, true), "390", "630104", "1", null,
                    YearMonth.of(2017, 9));
        }
        refresh.refresh();
        jdbc.execute("ANALYZE registry_person");
        records().participation(id, "110", "630104", "3", "2", YearMonth.of(2017, 9));
        refresh.refresh();

        assertThat(coverage(id)).containsExactly(33, 1, 0, null, null, "2017-09-01",
                "{NULL,NULL,NULL,NULL,NULL,2017-06-01,NULL,NULL}", null);
    }

    private List<Object> coverage(String id) {
        List<Object> columns = new ArrayList<>();
        jdbc.queryForMap("""
                SELECT held_schemes, drawing_schemes, drawing_twice, CAST(paid_110 AS text), CAST(paid_310 AS text),
                       CAST(paid_390 AS text), CAST(second_paid AS text), CAST(employed_paid_110 AS text)
                FROM registry_person WHERE id_number = ?""", id).values()
                .forEach(value -> columns.add(value instanceof Number number ? number.intValue() : value));
        return columns;
    }

    @Test
    void keepsTheParticipationsOfAKeyADeleteEndedAsHeldUntilTheKeyIsStatedAgain() {
        String id = TestIds.next("630104", 1972, true);
        records().police(id, "褚九", "630104008");
        long medical = records().participation(id, "390", "630104", "1", null, YearMonth.of(2016, 12));
        refresh.refresh();
        long deleted = records().deleteParticipation(id, "390", "630104", SourceRecords.RECEIVED.plusDays(1));
        refresh.refresh();

        assertThat(endedParticipations(id)).containsExactly(medical);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_participation WHERE id_number = ?", Long.class,
                id)).isZero();
        assertThat(jdbc.queryForMap("SELECT source_record_id, operation FROM registry_statement_ended "
                + "WHERE id_number = ? AND system = 'MEDICAL'", id))
                .containsEntry("source_record_id", deleted).containsEntry("operation", "DELETE");
        assertThat(heldAndEnded(id)).containsExactly(0, 32);

        // a refresh that reads nothing of the key keeps it ended
        records().card(id, "褚九");
        refresh.refresh();
        assertThat(endedParticipations(id)).containsExactly(medical);

        records().participation(id, "某人", "390", "630104", "1", null, YearMonth.of(2017, 9), Operation.UPDATE,
                SourceRecords.RECEIVED.plusDays(2));
        refresh.refresh();

        assertThat(endedParticipations(id)).isEmpty();
        assertThat(heldAndEnded(id)).containsExactly(32, 0);
    }

    @Test
    void findsWhatADeleteEndedAmongTheRecordsOfTheSameRefreshAndOfLaterOnes() {
        String id = TestIds.next("630104", 1973, true);
        records().police(id, "卫十", "630104009");
        long first = records().participation(id, "310", "630104", "1", "1", YearMonth.of(2017, 3));
        records().deleteParticipation(id, "310", "630104", SourceRecords.RECEIVED.plusDays(3));
        refresh.refresh();
        assertThat(endedParticipations(id)).containsExactly(first);

        // stated before the DELETE, received after it: the DELETE still ends it, and it is what was stated last
        long later = records().participation(id, "某人", "310", "630104", "1", "1", YearMonth.of(2017, 6),
                Operation.UPDATE, SourceRecords.RECEIVED.plusDays(2));
        refresh.refresh();

        assertThat(endedParticipations(id)).containsExactly(later);
        assertThat(heldAndEnded(id)).containsExactly(0, 16);
    }

    private List<Long> endedParticipations(String id) {
        return jdbc.queryForList("SELECT source_record_id FROM registry_participation_ended WHERE id_number = ?",
                Long.class, id);
    }

    private List<Integer> heldAndEnded(String id) {
        Map<String, Object> person = jdbc.queryForMap("SELECT held_schemes, ended_schemes FROM registry_person "
                + "WHERE id_number = ?", id);
        return List.of(((Number) person.get("held_schemes")).intValue(),
                ((Number) person.get("ended_schemes")).intValue());
    }

    @Test
    void aStatementOlderThanTheCurrentOneDoesNotReplaceItInALaterRefresh() {
        String id = TestIds.next("630104", 1978, true);
        records().police(id, "李新", "1", "630104004", "630104004", "0", null, "某路", Operation.UPDATE,
                SourceRecords.RECEIVED.plusDays(2));
        refresh.refresh();

        records().police(id, "李旧", "1", "630104004", "630104004", "0", null, "某路", Operation.UPDATE,
                SourceRecords.RECEIVED.plusDays(1));
        refresh.refresh();

        assertThat(history.merged(id).orElseThrow().name()).isEqualTo("李新");
        assertThat(history.records(id, null)).hasSize(2);
    }

    @Test
    void aDeleteAppliedInAnEarlierRefreshStillEndsAnOlderStatementArrivingLater() {
        String id = TestIds.next("630104", 1979, true);
        records().card(id, "赵六");
        records().police(id, "赵六", "1", "630104004", "630104004", "0", null, "某路", Operation.DELETE,
                SourceRecords.RECEIVED.plusDays(2));
        refresh.refresh();

        records().police(id, "赵六", "1", "630104004", "630104004", "0", null, "某路", Operation.UPDATE,
                SourceRecords.RECEIVED.plusDays(1));
        refresh.refresh();

        assertThat(history.merged(id).orElseThrow().systems()).containsExactly("CARD");
    }

    @Test
    void aPersonsHistoryListsRecordsTheRefreshHasNotReadYet() {
        String id = TestIds.next("630104", 1980, false);
        records().card(id, "钱七");
        refresh.refresh();

        records().police(id, "钱七", "630104004");

        assertThat(history.records(id, null)).extracting(PersonHistory.SourceRecord::system)
                .containsExactly("CARD", "POLICE");
    }

    @Test
    void aNumberSentIn15And18DigitFormIsOnePerson() {
        String id = TestIds.next("630104", 1960, true);
        records().police(id, "赵六", "630104005");
        String fifteen = id.substring(0, 6) + id.substring(8, 17);
        records().write("PENSION", id, id + "|110|630104", Operation.UPDATE, SourceRecords.RECEIVED,
                new Person(id, IdNumberOrigin.UPGRADED_FROM_15, fifteen, "赵六", null, "1", null, null, null, null,
                        null, null, null, null), List.of(), Facts.NONE);

        refresh.refresh();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_person WHERE id_number = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(history.merged(id).orElseThrow().systems()).containsExactly("PENSION", "POLICE");
    }

    @Test
    void aFullSnapshotEndsWhatItNoLongerLists() {
        String dropped = TestIds.next("630104", 1978, true);
        String listed = TestIds.next("630104", 1979, true);
        OffsetDateTime before = SourceRecords.RECEIVED.minusMonths(2);
        OffsetDateTime snapshot = SourceRecords.RECEIVED.minusMonths(1);
        records().write("CARD", dropped, dropped, Operation.UPDATE, before, person(dropped), List.of(), Facts.NONE);
        long file = jdbc.queryForObject("INSERT INTO intake_file (system, file_name, sha256, kind, status, "
                + "disposition, received_at, records, accepted, rejected, receipt) VALUES ('CARD', "
                + "'CARD_630000_20170901_001_FULL.csv', md5(random()::text) || md5(random()::text), 'FULL', "
                + "'ACCEPTED', '.done', ?, 1, 1, 0, '{}') RETURNING id", Long.class, snapshot);
        records().write("CARD", listed, listed, Operation.SNAPSHOT, snapshot, person(listed), List.of(), Facts.NONE);
        jdbc.update("UPDATE source_record SET intake_file_id = ? WHERE id_number = ?", file, listed);

        refresh.refresh();

        assertThat(history.merged(dropped)).isEmpty();
        assertThat(history.merged(listed)).isPresent();
    }

    @Test
    void appliesRecordsCommittedAfterALaterRefreshSawHigherIds() throws Exception {
        String late = TestIds.next("630104", 1970, true);
        String early = TestIds.next("630104", 1971, true);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcTemplate open = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            new SourceRecords(open).police(late, "孙七", "630104006");
            records().police(early, "周八", "630104007");

            refresh.refresh();
            assertThat(history.merged(early)).isPresent();
            assertThat(history.merged(late)).isEmpty();

            connection.commit();
        }
        refresh.refresh();

        assertThat(history.merged(late).orElseThrow().name()).isEqualTo("孙七");
    }

    private static Person person(String id) {
        return new Person(id, IdNumberOrigin.AS_GIVEN, null, "某卡", null, "1", null, null, null, null, null, null,
                null, null);
    }
}
