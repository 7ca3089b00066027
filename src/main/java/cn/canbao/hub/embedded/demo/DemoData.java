package cn.canbao.hub.embedded.demo;

import cn.canbao.hub.compare.ComparisonRuns;
import cn.canbao.hub.national.NationalProperties;
import cn.canbao.hub.embedded.EmbeddedFrontDatabase;
import cn.canbao.hub.standard.Regions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On the first start of an embedded hub (empty registry) places a synthetic population's files into the
 * partners' {@code in/} folders on the exchange server, as the partners would upload them, and once they are
 * ingested runs the comparison, so the main job visibly runs end to end. {@code canbao.demo.enabled=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "canbao.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EmbeddedPostgres> embeddedPostgres;
    private final ComparisonRuns runs;
    private final Regions regions;
    private final Clock clock;
    private final Path exchangeRoot;
    private final String provinceCode;
    private final int size;
    private final List<String> counties;
    private final boolean frontDbEmbedded;
    private final NationalProperties.Simulator nationalSimulator;

    public DemoData(JdbcTemplate jdbc, Clock clock, ObjectProvider<EmbeddedPostgres> embeddedPostgres,
                    ComparisonRuns runs,
                    @Value("${canbao.data-dir}") Path dataDir,
                    @Value("${canbao.province-code}") String provinceCode,
                    @Value("${canbao.demo.persons:3000}") int size,
                    @Value("${canbao.demo.counties}") List<String> counties,
                    @Value("${canbao.frontdb.embedded:true}") boolean frontDbEmbedded,
                    NationalProperties national) {
        this.frontDbEmbedded = frontDbEmbedded;
        this.nationalSimulator = national.simulator();
        this.jdbc = jdbc;
        this.embeddedPostgres = embeddedPostgres;
        this.runs = runs;
        this.regions = Regions.standard();
        this.clock = clock;
        this.exchangeRoot = dataDir.resolve("exchange");
        this.provinceCode = provinceCode;
        this.size = size;
        this.counties = counties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void placeDemoFilesOnFirstStart() throws IOException {
        Boolean registryEmpty = jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM intake_file)", Boolean.class);
        if (!Boolean.TRUE.equals(registryEmpty)) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<DemoPerson> persons = DemoPopulation.generate(size, townships(), today, 20171015L);
        List<DemoFile> files = DemoFiles.all(persons, today, provinceCode);
        for (DemoFile file : files) {
            place(file);
        }
        EmbeddedPostgres postgres = frontDbEmbedded ? embeddedPostgres.getIfAvailable() : null;
        int civilRows = postgres == null ? 0 : CivilDemoRows.insert(
                new JdbcTemplate(postgres.getDatabase("postgres", EmbeddedFrontDatabase.DATABASE)), persons, today);
        log.info("Demo data: {} synthetic persons in counties {}; their files are in the partners' in/ folders, "
                + "{} assistance recipients in the civil-affairs front database", persons.size(), counties, civilRows);
        if (nationalSimulator.enabled()) {
            int elsewhere = InsuredElsewhereDemoFile.writeIfAbsent(nationalSimulator.personsFile(), persons, today);
            log.info("Demo data: the national simulator finds {} of them insured in another province ({})",
                    elsewhere, nationalSimulator.personsFile());
        }
        new DemoComparison(jdbc, runs, nationalSimulator.enabled()).runWhenIngested(files.stream().map(DemoFile::fileName).toList());
    }

    private List<String> townships() {
        List<String> townships = regions.townshipsOf(counties);
        if (townships.isEmpty()) {
            throw new IllegalStateException("canbao.demo.counties: no townships known for " + counties);
        }
        return townships;
    }

    private void place(DemoFile file) throws IOException {
        Path inbox = exchangeRoot.resolve(file.account()).resolve("in");
        Files.createDirectories(inbox);
        Files.write(inbox.resolve(file.fileName()), file.data());
        String done = sha256(file.data()) + "\nrecords=" + file.records() + "\n";
        Files.writeString(inbox.resolve(file.fileName() + ".ok"), done, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
