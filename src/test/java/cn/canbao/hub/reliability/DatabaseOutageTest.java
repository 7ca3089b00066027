package cn.canbao.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.embedded.EmbeddedFrontDatabase;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.PartnerJms;
import cn.canbao.hub.support.PartnerSftp;
import cn.canbao.hub.support.RestartablePostgres;
import cn.canbao.hub.support.TestFiles;
import cn.canbao.hub.support.TestEvents;
import cn.canbao.hub.support.TestHub;
import cn.canbao.hub.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry's database gone for 60 s while files, events and front-database rows arrive: the routes wait with
 * growing pauses (health {@code intake} DOWN, {@code canbao.intake.retries} counting), nothing is answered with a
 * fault, and once the database is back everything is taken in by itself, nothing lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("reliability")
// the registry's server stops with the class: a context kept for later classes would poll it for the rest of the suite
@DirtiesContext
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final TestHub HUB = TestHub.create();
    private static final RestartablePostgres REGISTRY = RestartablePostgres.startedIn(HUB.dataDir().resolve("registry"));
    private static final String CARD_HEADER =
            "id_number,name,sex,ethnicity,birth_date,card_no,issue_region,card_status,issue_date\n";

    @DynamicPropertySource
    static void hubWithARegistryThatGoesAway(DynamicPropertyRegistry registry) {
        HUB.registerServers(registry);
        registry.add("canbao.database.embedded", () -> false);
        registry.add("spring.datasource.url", REGISTRY::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.close();
    }

    @Autowired
    JdbcTemplate registry;
    @Autowired
    EmbeddedPostgres frontDatabaseServer;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void takesInWhatArrivedWhileTheDatabaseWasGoneOnceItIsBack() throws Exception {
        JdbcTemplate civilAffairs = new JdbcTemplate(frontDatabaseServer.getDatabase("postgres",
                EmbeddedFrontDatabase.DATABASE));
        String cardPerson = TestIds.next("630102", 1985, true);
        String rowPerson = TestIds.next("630102", 1985, false);
        List<String> eventIds = new ArrayList<>();
        String file = TestFiles.name("CARD", "csv");
        long seq = 7_000_000_000L + System.nanoTime() % 1_000_000L;

        REGISTRY.stop();
        Instant gone = Instant.now();
        try (PartnerSftp card = new PartnerSftp(HUB.dataDir(), "card", HUB.sftpPort());
             PartnerJms pension = new PartnerJms(HUB.dataDir(), "pension", HUB.brokerPort())) {
            card.send(file, (CARD_HEADER + cardPerson + ",张三,1,01," + cardPerson.substring(6, 14)
                    + ",C1234567,630102,1,20150301\n").getBytes(StandardCharsets.UTF_8), 1);
            for (int i = 0; i < 3; i++) {
                String eventId = UUID.randomUUID().toString();
                eventIds.add(eventId);
                String person = TestIds.next("630102", 1986, i % 2 == 0);
                pension.send("canbao.in.pension.events", TestEvents.pension(eventId, "ENROLL", person), eventId);
            }
            civilAffairs.update("INSERT INTO mz_jzdx_exchange (seq, id_number, name, category, region, valid_from, "
                    + "op, op_time) VALUES (?, ?, '王芳', '02', '630102001', DATE '2017-01-01', 'I', "
                    + "TIMESTAMP '2017-10-15 09:00:00')", seq, rowPerson);

            await().atMost(OUTAGE).until(() -> intakeHealth().equals("DOWN"));
            await().atMost(OUTAGE).until(() -> retriesForWantOfInfrastructure() >= 3);
            assertThat(card.exists("receipt/" + file + ".receipt.json")).as("no answer while the database is gone")
                    .isFalse();
            await().atMost(OUTAGE.plusSeconds(5)).until(() -> Duration.between(gone, Instant.now()).compareTo(OUTAGE) >= 0);
            REGISTRY.start();

            Duration recovery = Duration.ofSeconds(120);
            assertThat(json.readTree(card.awaitReceipt(file, recovery)).get("status").asText()).isEqualTo("ACCEPTED");
            for (String eventId : eventIds) {
                TextMessage receipt = pension.receive("canbao.out.pension.receipts", eventId, recovery.toMillis());
                assertThat(receipt).as("receipt of event %s", eventId).isNotNull();
                assertThat(json.readTree(receipt.getText()).get("status").asText()).isEqualTo("ACCEPTED");
            }
            await().atMost(recovery).until(() -> "1".equals(civilAffairs.queryForObject(
                    "SELECT sync_status FROM mz_jzdx_exchange WHERE seq = ?", String.class, seq)));
        }
        assertThat(registry.queryForObject("SELECT count(*) FROM source_record WHERE id_number = ?", Long.class,
                cardPerson)).isEqualTo(1);
        assertThat(registry.queryForObject("SELECT count(*) FROM source_record WHERE intake_key LIKE 'event:%' "
                + "AND intake_key IN (?, ?, ?)", Long.class, eventIds.stream().map(id -> "event:" + id).toArray()))
                .isEqualTo(3);
        assertThat(registry.queryForObject("SELECT count(*) FROM quarantine", Long.class)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> intakeHealth().equals("UP"));
    }

    private String intakeHealth() throws Exception {
        JsonNode health = json.readTree(ApiClient.anonymous(port).get("/actuator/health").body());
        return health.at("/components/intake/status").asText();
    }

    private double retriesForWantOfInfrastructure() {
        return meters.find("canbao.intake.retries").tag("cause", "infrastructure").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

}
