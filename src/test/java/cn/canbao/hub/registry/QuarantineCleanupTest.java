package cn.canbao.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.support.HubIntegrationTest;
import cn.canbao.hub.support.TestIds;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Candidates for quarantined records with a wrong identity number, and decisions that are remembered. */
class QuarantineCleanupTest extends HubIntegrationTest {

    @Autowired
    QuarantineCleanup cleanup;
    @Autowired
    RegistryRefresh refresh;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void proposesThePersonWithTheSameNameAddressCodeAndBirthDateAndRemembersTheDecision() {
        String body = "632726198503039";
        String person = number(body + "51");
        String namesake = number(body + "53");
        SourceRecords records = new SourceRecords(jdbc);
        records.police(person, "韩梅梅", "632726100");
        records.police(namesake, "韩梅", "632726100");
        refresh.refresh();
        String wrong = TestIds.withWrongCheckCharacter(person);
        long first = quarantine(wrong + "|韩梅梅|2|01|19850303|110|632726");

        cleanup.findCandidates();

        List<QuarantineCleanup.Candidate> candidates = candidatesOf(first);
        assertThat(candidates).singleElement().satisfies(candidate -> {
            assertThat(candidate.candidateId()).isEqualTo(person);
            assertThat(candidate.numberAsGiven()).isEqualTo(wrong);
            assertThat(candidate.status()).isEqualTo("PENDING");
        });

        cleanup.decide(candidates.get(0).id(), true, "operator");
        long again = quarantine(wrong + "|韩梅梅|2|01|19850303|110|632726|next month");
        cleanup.findCandidates();

        assertThat(candidatesOf(again)).singleElement().satisfies(candidate -> {
            assertThat(candidate.status()).isEqualTo("CONFIRMED");
            assertThat(candidate.decidedBy()).isEqualTo("remembered: operator");
        });
        assertThat(cleanup.confirmedFor(person)).extracting(QuarantineCleanup.Candidate::quarantineId)
                .containsExactly(first, again);
    }

    @Test
    void findsNoCandidateForANameThatIsOnlyPartOfAnother() {
        String body = "632726198604049";
        String person = number(body + "71");
        new SourceRecords(jdbc).police(person, "张三", "632726100");
        refresh.refresh();
        long record = quarantine(TestIds.withWrongCheckCharacter(person) + ",张三丰,1");

        cleanup.findCandidates();

        assertThat(candidatesOf(record)).isEmpty();
    }

    private List<QuarantineCleanup.Candidate> candidatesOf(long quarantineId) {
        return Stream.of("PENDING", "CONFIRMED", "REJECTED").flatMap(status -> cleanup.list(status, 1000).stream())
                .filter(candidate -> candidate.quarantineId() == quarantineId).toList();
    }

    private long quarantine(String raw) {
        return jdbc.queryForObject("INSERT INTO quarantine (system, intake_key, source_ref, raw, errors, received_at) "
                + "VALUES ('PENSION', ?, 'PENSION_630000_20171015_001.txt#3', ?, "
                + "'[{\"code\": \"ID_CHECKSUM\", \"field\": \"AAC002\", \"message\": \"wrong check character\"}]', "
                + "now()) RETURNING id", Long.class, "test:" + UUID.randomUUID(), raw);
    }

    private static String number(String first17) {
        return first17 + IdentityNumbers.checkCharacter(first17);
    }
}
