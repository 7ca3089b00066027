package cn.canbao.hub.compare;

import cn.canbao.hub.exchange.ExchangeServerClient;
import cn.canbao.hub.exchange.ExchangeServerClient.ExchangeSession;
import cn.canbao.hub.registry.SqlStatements;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a run's survey rosters (spec §7.1) into the county agencies' {@code roster/} folders: for each county with
 * at least one person to survey, {@code ROSTER_{county6}_{yyyyMMdd}.csv} and then its done file ({@code .ok}: SHA-256
 * and {@code records=N}, spec §3). Each file is streamed from the database into a local file and uploaded by the
 * roster-out route; several files are written at once ({@code canbao.roster.writers}), uploaded in turn. A
 * county that had a roster of the same date from an earlier run but has nobody now gets that file withdrawn into
 * {@code roster/.withdrawn/}, so what a county finds always matches the latest run.
 */
@Component
public class RosterPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterPublisher.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String ROSTERED_COUNTIES = SqlStatements.named("compare/roster-counties");
    private static final String ROSTERED_EARLIER = SqlStatements.named("compare/roster-counties-of-earlier-runs");

    /** What was written for one county. */
    public record RosterFile(String county, String path, long records, String sha256) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RosterRows rows;
    private final ProducerTemplate producer;
    private final ExchangeServerClient exchange;
    private final RosterProperties properties;
    private final ExecutorService writers;

    public RosterPublisher(NamedParameterJdbcTemplate jdbc, RosterRows rows, ProducerTemplate producer,
                           ExchangeServerClient exchange, RosterProperties properties) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.producer = producer;
        this.exchange = exchange;
        this.properties = properties;
        this.writers = Workers.pool(properties.writers(), "roster-writer");
    }

    @Override
    public void destroy() {
        writers.shutdownNow();
    }

    public List<RosterFile> publish(long runId, LocalDate asOf) throws IOException {
        MapSqlParameterSource run = new MapSqlParameterSource("runId", runId).addValue("asOf", asOf);
        List<String> counties = jdbc.queryForList(ROSTERED_COUNTIES, run, String.class);
        Files.createDirectories(properties.workDir());
        // several counties are read and written at once (each on its own cursor); the uploads go one after the
        // other in county order, each as soon as its file is complete
        List<CompletableFuture<RosterFile>> files = counties.stream()
                .map(county -> CompletableFuture.supplyAsync(() -> write(runId, asOf, county), writers))
                .toList();
        List<RosterFile> written = new ArrayList<>();
        try {
            for (CompletableFuture<RosterFile> file : files) {
                written.add(upload(Workers.join(file)));
            }
        } finally {
            // uploaded files at once, files still being written when an upload failed as soon as they are done
            files.forEach(file -> file.thenAccept(this::deleteLocal));
        }
        withdrawStale(run, counties, asOf);
        return written;
    }

    /** The county's roster, streamed from the database into a local file, with its SHA-256. */
    private RosterFile write(long runId, LocalDate asOf, String county) {
        String fileName = "ROSTER_" + county + "_" + asOf.format(DAY) + ".csv";
        Path local = properties.workDir().resolve(fileName);
        MessageDigest digest = sha256();
        long records;
        try (OutputStream file = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(local)),
                digest); RosterCsv csv = new RosterCsv(file)) {
            records = rows.stream(runId, county, row -> {
                try {
                    csv.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            deleteLocal(local);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteLocal(local);
            throw e;
        }
        return new RosterFile(county, "county-" + county + "/roster/" + fileName, records,
                HexFormat.of().formatHex(digest.digest()));
    }

    /** The data file, then its done file, into the county's roster folder. */
    private RosterFile upload(RosterFile file) {
        Path local = localFile(file);
        producer.sendBodyAndHeader("direct:roster-out", local.toFile(), Exchange.FILE_NAME, file.path());
        producer.sendBodyAndHeader("direct:roster-out", file.sha256() + "\nrecords=" + file.records() + "\n",
                Exchange.FILE_NAME, file.path() + ".ok");
        log.info("Roster {}: {} persons", file.path(), file.records());
        return file;
    }

    private Path localFile(RosterFile file) {
        return properties.workDir().resolve(file.path().substring(file.path().lastIndexOf('/') + 1));
    }

    private void deleteLocal(RosterFile file) {
        deleteLocal(localFile(file));
    }

    private static void deleteLocal(Path local) {
        try {
            Files.deleteIfExists(local);
        } catch (IOException e) {
            log.warn("Could not delete the local roster file {}", local, e);
        }
    }

    private void withdrawStale(MapSqlParameterSource run, List<String> current, LocalDate asOf) throws IOException {
        List<String> earlier = jdbc.queryForList(ROSTERED_EARLIER, run, String.class);
        earlier.removeAll(current);
        if (earlier.isEmpty()) {
            return;
        }
        try (ExchangeSession session = exchange.open()) {
            for (String county : earlier) {
                String directory = "county-" + county + "/roster";
                String fileName = "ROSTER_" + county + "_" + asOf.format(DAY) + ".csv";
                for (String name : List.of(fileName + ".ok", fileName)) {
                    if (session.exists(directory + "/" + name)) {
                        session.move(directory + "/" + name, directory + "/.withdrawn");
                    }
                }
                log.info("Roster {}/{} withdrawn: nobody to survey any more", directory, fileName);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
