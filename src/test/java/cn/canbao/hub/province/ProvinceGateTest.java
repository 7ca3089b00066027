package cn.canbao.hub.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.reliability.crash.HarnessSettings;
import cn.canbao.hub.reliability.crash.HubDatabase;
import cn.canbao.hub.reliability.crash.HubPorts;
import cn.canbao.hub.reliability.crash.HubProcess;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.PartnerJms;
import cn.canbao.hub.support.PartnerSftp;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The province quality gate (issue #19): a generated province of {@code canbao.province.persons} persons goes
 * through the real transports of the packaged hub — every data file over SFTP (the next day's full snapshots once
 * the rest is taken in), the scheme events over JMS, the
 * civil-affairs rows through the front database, the persons insured elsewhere through the national simulator —
 * then two comparison runs (the second after the national system answered the first's requests), and the second
 * run must agree with the ground truth for every person and every quarantined record. The same check then gets a
 * truth with one person's category changed and must report exactly that person. Runs only when asked for: the last
 * step of {@code .ci/run}, beside the crash harness (same jar, same settings).
 */
@EnabledIfSystemProperty(named = "canbao.province.persons", matches = "\\d+")
class ProvinceGateTest {

    private static final LocalDate AS_OF = LocalDate.of(2017, 10, 15);
    private static final Duration INTAKE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long phaseStarted = System.nanoTime();

    @Test
    void theHubAgreesWithTheGroundTruthOfAGeneratedProvince() throws Exception {
        HarnessSettings harness = HarnessSettings.fromSystemProperties();
        Path folder = harness.repository().resolve("target/province-gate");
        deleteRecursively(folder);
        ProvinceSettings settings = new ProvinceSettings(Long.getLong("canbao.province.persons"),
                Long.getLong("canbao.province.seed", 20171015L), AS_OF, folder.resolve("province"), 5_000,
                Noise.DEFAULT);
        ProvinceGenerator.Summary summary = ProvinceGenerator.generate(settings);
        System.out.println("province: " + summary);
        phase("generate");

        HubPorts ports = HubPorts.free();
        Path data = folder.resolve("data");
        HubProcess hub = HubProcess.start(harness, data, ports, folder.resolve("hub.log"), List.of(
                "--canbao.national.simulator.enabled=true",
                "--canbao.national.simulator.persons-file="
                        + settings.out().resolve("national/insured-elsewhere.csv").toAbsolutePath()));
        try {
            hub.awaitHealthy(HarnessSettings.START_TIMEOUT);
            phase("start");
            int files = sendFiles(settings.out().resolve("files"), data, ports);
            long events = sendEvents(settings.out(), data, ports);
            long rows = insertFrontDatabaseRows(settings.out(), ports);
            phase("send");
            try (Connection registry = DriverManager.getConnection(HubDatabase.url(ports, HubDatabase.REGISTRY),
                    HubDatabase.USER, "")) {
                awaitIntake(registry, ports, files, events, rows);
                // the next day's full snapshots, once the first delivery is in: they end what they leave out
                files += sendFiles(settings.out().resolve("later"), data, ports);
                awaitIntake(registry, ports, files, events, rows);
                phase("ingest");
                ApiClient operator = ApiClient.as("operator", data, ports.http());
                long first = run(operator, registry);
                phase("first run");
                awaitNationalAnswers(registry, first);
                phase("national answers");
                long second = run(operator, registry);
                phase("second run");

                Agreement agreement = AgreementCheck.check(settings.out().resolve("truth"), registry, second);
                System.out.println(agreement.report());
                System.out.println("phases (ms): " + phases);
                assertThat(agreement.disagreementLines()).as("disagreements with the ground truth").isEmpty();

                plantedDisagreementIsReportedAlone(settings.out().resolve("truth"), folder.resolve("planted"),
                        registry, second);
            }
        } finally {
            hub.killJvmAndPostgres();
        }
    }

    /** The check must fail on a truth whose one person's category is changed, naming that person and no other. */
    private static void plantedDisagreementIsReportedAlone(Path truth, Path planted, Connection registry, long run)
            throws Exception {
        Files.createDirectories(planted);
        Files.copy(truth.resolve(Truth.QUARANTINE), planted.resolve(Truth.QUARANTINE));
        List<String> lines = Files.readAllLines(truth.resolve(Truth.PERSONS));
        int changed = -1;
        for (int i = 1; i < lines.size() && changed < 0; i++) {
            if (lines.get(i).split(",", -1)[2].equals("INSURED")) {
                changed = i;
            }
        }
        String[] cells = lines.get(changed).split(",", -1);
        cells[2] = "LAPSED";
        lines.set(changed, String.join(",", cells));
        Files.write(planted.resolve(Truth.PERSONS), lines);

        Agreement agreement = AgreementCheck.check(planted, registry, run);

        assertThat(agreement.agrees()).as("the check of a planted disagreement").isFalse();
        assertThat(agreement.disagreementLines()).singleElement().asString()
                .startsWith(Agreement.mask(cells[0]))
                .contains("expected LAPSED", "actual INSURED");
    }

    private static int sendFiles(Path root, Path data, HubPorts ports) throws Exception {
        int files = 0;
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> systems;
        try (Stream<Path> listing = Files.list(root)) {
            systems = listing.sorted().toList();
        }
        for (Path system : systems) {
            List<Path> dataFiles;
            try (Stream<Path> listing = Files.list(system)) {
                dataFiles = listing.filter(f -> !f.getFileName().toString().endsWith(".ok")).sorted().toList();
            }
            try (PartnerSftp sftp = new PartnerSftp(data, system.getFileName().toString(), ports.sftp())) {
                for (Path file : dataFiles) {
                    String name = file.getFileName().toString();
                    sftp.send(name, Files.readAllBytes(file), Files.readString(file.resolveSibling(name + ".ok")));
                    files++;
                }
            }
        }
        return files;
    }

    private static long sendEvents(Path province, Path data, HubPorts ports) throws Exception {
        long events = 0;
        List<Path> streams;
        try (Stream<Path> listing = Files.list(province.resolve("events"))) {
            streams = listing.sorted().toList();
        }
        for (Path stream : streams) {
            String account = stream.getFileName().toString().replace(".jsonl", "");
            try (PartnerJms jms = new PartnerJms(data, account, ports.broker());
                 BufferedReader lines = Files.newBufferedReader(stream)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String eventId = JSON.readTree(line).get("eventId").asText();
                    jms.sendOnce("canbao.in." + account + ".events", line, eventId, eventId);
                    events++;
                }
            }
        }
        return events;
    }

    private static long insertFrontDatabaseRows(Path province, HubPorts ports) throws Exception {
        long rows = 0;
        try (Connection civil = DriverManager.getConnection(HubDatabase.url(ports, HubDatabase.CIVIL_FRONT),
                HubDatabase.USER, "");
             PreparedStatement insert = civil.prepareStatement("INSERT INTO mz_jzdx_exchange (seq, id_number, name, "
                     + "category, region, valid_from, valid_to, op, op_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             BufferedReader lines = Files.newBufferedReader(province.resolve("civil/mz_jzdx_exchange.csv"))) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(",", -1);
                insert.setLong(1, Long.parseLong(cells[0]));
                insert.setString(2, cells[1]);
                insert.setString(3, cells[2]);
                insert.setString(4, cells[3]);
                insert.setString(5, cells[4]);
                insert.setObject(6, LocalDate.parse(cells[5]));
                insert.setObject(7, cells[6].isEmpty() ? null : LocalDate.parse(cells[6]));
                insert.setString(8, cells[7]);
                insert.setObject(9, LocalDateTime.parse(cells[8].replace(' ', 'T')));
                insert.addBatch();
                rows++;
            }
            insert.executeBatch();
        }
        return rows;
    }

    private static void awaitIntake(Connection registry, HubPorts ports, int files, long events, long rows)
            throws SQLException {
        try (Connection civil = DriverManager.getConnection(HubDatabase.url(ports, HubDatabase.CIVIL_FRONT),
                HubDatabase.USER, "")) {
            await().atMost(INTAKE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() ->
                    count(registry, "SELECT count(*) FROM intake_file WHERE delivered_at IS NOT NULL") >= files
                            && count(registry, "SELECT count(*) FROM intake_event") >= events
                            && count(civil, "SELECT count(*) FROM mz_jzdx_exchange WHERE sync_status <> '0'") >= rows);
        }
    }

    /** Starts a comparison run for the as-of date through the API and waits until it completed. */
    private static long run(ApiClient operator, Connection registry) throws Exception {
        HttpResponse<String> started = operator.postJson("/api/v1/runs", "{\"asOf\": \"" + AS_OF + "\"}");
        assertThat(started.statusCode()).as("POST /api/v1/runs: " + started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        long run = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String status = text(registry, "SELECT status FROM comparison_run WHERE id = " + run);
            return status != null && !status.equals("RUNNING");
        });
        assertThat(text(registry, "SELECT status || coalesce(' ' || error, '') FROM comparison_run WHERE id = " + run))
                .as("comparison run " + run).isEqualTo("COMPLETED");
        return run;
    }

    /** The requests the run's UNINSURED and LAPSED persons caused are written and every one is answered. */
    private static void awaitNationalAnswers(Connection registry, long run) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() ->
                count(registry, "SELECT count(*) FROM national_run_request WHERE run_id = " + run) == 1
                        && count(registry, "SELECT count(*) FROM national_compare_request WHERE status <> 'ANSWERED'")
                        == 0);
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String text(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, (now - phaseStarted) / 1_000_000);
        phaseStarted = now;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
