package cn.canbao.hub.bench.pipeline;

import cn.canbao.hub.CanbaoHubApplication;
import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.connector.transport.DoneFile;
import cn.canbao.hub.connector.transport.FileLoader;
import cn.canbao.hub.exchange.ExchangeCredentials;
import cn.canbao.hub.exchange.ExchangeLayout;
import cn.canbao.hub.registry.IntakeStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark B2 (issue #19): one data file through the hub's batch intake route against a plain loop over the same
 * reader and mapping, both ending at the same counting seam ({@link CountingCopySink}), in one JVM that runs the
 * whole hub (embedded PostgreSQL, broker and exchange server). Each round takes the file once in every mode, the
 * order rotating from round to round:
 * <ul>
 *   <li>{@code route}: the file and its done file placed into the partner's {@code in/}; the hub's SFTP consumer
 *       route picks it up and its file intake takes it to the receipt ({@link RouteTiming} times it);</li>
 *   <li>{@code loop-sftp}: the plain loop reading the same file from the same exchange server with JSch, as the hub
 *       account, with the hub's cipher list;</li>
 *   <li>{@code loop-disk}: the plain loop reading the file from local disk;</li>
 *   <li>{@code fileloader-sftp} (not among the defaults): the hub's {@code FileLoader} called from the harness's
 *       thread with a JSch stream — the route without Camel and {@code FileIntake}.</li>
 * </ul>
 * Prints one line per file, with its CPU per thread, and a summary (medians, ratios on CPU time and on wall clock), lines starting "B2 ".
 * Settings as system properties: b2.system (CARD), b2.file (the generated data file; its done file beside it),
 * b2.warmups (2), b2.rounds (5), b2.modes (route,loop-sftp,loop-disk). Other arguments go to the hub.
 */
public final class PipelineBenchmark {

    private record Measured(String mode, long wallNanos, long cpuNanos, long gcMillis) {
    }

    private final ConfigurableApplicationContext hub;
    private final Connector connector;
    private final String fileName;
    private final String doneText;
    private final long records;
    private final Path inbox;
    private final Path parked;
    private final Path receipts;
    private final String parkedOnServer;
    private final RouteTiming timing;
    private final PlainLoop loop;
    private final JdbcTemplate database;

    private PipelineBenchmark(ConfigurableApplicationContext hub, String system, Path source) throws Exception {
        this.hub = hub;
        this.connector = hub.getBean(ConnectorCatalog.class).get(system);
        String account = connector.descriptor().transport(TransportKind.SFTP_BATCH_IN).orElseThrow().account();
        Path home = hub.getBean(ExchangeLayout.class).exchangeRoot().resolve(account);
        this.fileName = source.getFileName().toString();
        this.doneText = Files.readString(source.resolveSibling(fileName + ".ok"));
        this.records = Long.parseLong(doneText.strip().split("\n")[1].strip().substring("records=".length()));
        this.inbox = home.resolve("in");
        this.receipts = home.resolve("receipt");
        // a folder of the partner's home that no route polls, where the file waits between its rounds
        this.parked = Files.createDirectories(home.resolve("bench"));
        this.parkedOnServer = account + "/bench/";
        Files.copy(source, parked.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(parked.resolve(fileName + ".ok"), doneText);
        this.timing = hub.getBean(RouteTiming.class);
        ObjectMapper json = hub.getBeanProvider(ObjectMapper.class).getIfUnique(ObjectMapper::new);
        this.loop = new PlainLoop(hub.getBean(IntakeStore.class), json);
        this.database = new JdbcTemplate(CountingCopySink.database);
    }

    public static void main(String[] args) throws Exception {
        String system = System.getProperty("b2.system", "CARD");
        Path source = Path.of(System.getProperty("b2.file"));
        int warmups = Integer.getInteger("b2.warmups", 2);
        int rounds = Integer.getInteger("b2.rounds", 5);
        List<String> modes = List.of(System.getProperty("b2.modes", "route,loop-sftp,loop-disk").split(","));
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(CanbaoHubApplication.class).run(args);
        int status = 0;
        try {
            new PipelineBenchmark(hub, system, source).run(modes, warmups, rounds);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            hub.close();
        }
        System.exit(status);
    }

    private void run(List<String> modes, int warmups, int rounds) throws Exception {
        say("file %s: %d records, %d bytes; modes %s; %d warm-up rounds, %d measured", fileName, records,
                Files.size(parked.resolve(fileName)), modes, warmups, rounds);
        List<Measured> measured = new ArrayList<>();
        for (int round = 1 - warmups; round <= rounds; round++) {
            for (int i = 0; i < modes.size(); i++) {
                String mode = modes.get((i + Math.max(round, 0)) % modes.size());
                Measured m = once(mode);
                say("round %d %-9s wall %7.0f ms  cpu %7.0f ms  gc %5d ms  %,.0f records per cpu-s  load %s%s",
                        round, mode, m.wallNanos / 1e6, m.cpuNanos / 1e6, m.gcMillis, records / (m.cpuNanos / 1e9),
                        loadAverage(), round < 1 ? "  (warm-up)" : "");
                if (round >= 1) {
                    measured.add(m);
                }
            }
        }
        long idleCpu = idleCpuNanos(10);
        summarise(modes, measured, idleCpu);
    }

    private Measured once(String mode) throws Exception {
        forgetEarlierIntakes();
        Map<String, Long> threadsBefore = javaThreadCpu();
        long processBefore = RouteTiming.processCpuNanos();
        long rows = CountingCopySink.ROWS.get();
        long gc = gcMillis();
        long wall;
        long cpu;
        switch (mode) {
            case "route" -> {
                RouteTiming.Measured m = throughRoute();
                wall = m.wallNanos();
                cpu = m.cpuNanos();
            }
            case "fileloader-sftp" -> {
                // the hub's FileLoader, called from the harness's thread without Camel or FileIntake around it
                long cpuStart = RouteTiming.processCpuNanos();
                long wallStart = System.nanoTime();
                FileLoader.Result result = fileLoaderOverSftp();
                wall = System.nanoTime() - wallStart;
                cpu = RouteTiming.processCpuNanos() - cpuStart;
                check(result instanceof FileLoader.Stored, mode + ": " + result);
            }
            case "loop-sftp", "loop-disk" -> {
                long cpuStart = RouteTiming.processCpuNanos();
                long wallStart = System.nanoTime();
                PlainLoop.Outcome outcome = mode.equals("loop-sftp") ? loopOverSftp() : loopFromDisk();
                wall = System.nanoTime() - wallStart;
                cpu = RouteTiming.processCpuNanos() - cpuStart;
                check(outcome.records() == records && outcome.rejected() == 0, mode + ": " + outcome);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        sayThreads(mode, threadsBefore, javaThreadCpu(), RouteTiming.processCpuNanos() - processBefore);
        long stored = CountingCopySink.ROWS.get() - rows;
        check(stored == records, mode + ": " + stored + " rows reached the seam, expected " + records);
        return new Measured(mode, wall, cpu, gcMillis() - gc);
    }

    private RouteTiming.Measured throughRoute() throws Exception {
        Path receipt = receipts.resolve(fileName + ".receipt.json");
        Files.deleteIfExists(receipt);
        timing.expect(TransportKind.SFTP_BATCH_IN.routeId(connector.system()));
        Files.move(parked.resolve(fileName), inbox.resolve(fileName));
        Files.writeString(inbox.resolve(fileName + ".ok"), doneText);
        RouteTiming.Measured m = timing.await(15, TimeUnit.MINUTES);
        Path done = inbox.resolve(".done");
        check(!m.failed() && Files.exists(done.resolve(fileName)), "the route did not take the file to in/.done/");
        String answer = Files.readString(receipt);
        check(answer.contains("\"status\":\"ACCEPTED\"") && answer.contains("\"records\":" + records),
                "receipt: " + answer.substring(0, Math.min(answer.length(), 300)));
        Files.move(done.resolve(fileName), parked.resolve(fileName));
        Files.delete(done.resolve(fileName + ".ok"));
        return m;
    }

    private FileLoader.Result fileLoaderOverSftp() throws Exception {
        FileLoader loader = new FileLoader(hub.getBean(IntakeStore.class),
                hub.getBeanProvider(ObjectMapper.class).getIfUnique(ObjectMapper::new), 10_000);
        DoneFile done = ((DoneFile.Valid) DoneFile.parse(doneText)).doneFile();
        return overSftp(sftp -> {
            try (InputStream data = sftp.get(parkedOnServer + fileName)) {
                return loader.ingest(connector, fileName, fileName.contains("_FULL."), done, data,
                        java.time.OffsetDateTime.now());
            }
        });
    }

    private interface Reading<T> {
        T from(ChannelSftp sftp) throws Exception;
    }

    /** As the hub's own account, with the hub's cipher list, from the exchange server the hub runs. */
    private <T> T overSftp(Reading<T> reading) throws Exception {
        ExchangeCredentials credentials = hub.getBean(ExchangeCredentials.class);
        String ciphers = hub.getEnvironment().getRequiredProperty("canbao.sftp.ciphers");
        JSch jsch = new JSch();
        jsch.addIdentity(credentials.sftpPrivateKeyPath());
        jsch.setKnownHosts(credentials.knownHostsPath());
        Session session = jsch.getSession(credentials.sftpUser(), credentials.sftpHost(), credentials.sftpPort());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        session.setConfig("cipher.s2c", ciphers);
        session.setConfig("cipher.c2s", ciphers);
        session.connect(15_000);
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(15_000);
            return reading.from(sftp);
        } finally {
            session.disconnect();
        }
    }

    private PlainLoop.Outcome loopOverSftp() throws Exception {
        return overSftp(sftp -> {
            String done;
            try (InputStream in = sftp.get(parkedOnServer + fileName + ".ok")) {
                done = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (InputStream data = sftp.get(parkedOnServer + fileName)) {
                return loop.ingest(connector, fileName, done, data);
            }
        });
    }

    private PlainLoop.Outcome loopFromDisk() throws Exception {
        String done = Files.readString(parked.resolve(fileName + ".ok"));
        try (InputStream data = Files.newInputStream(parked.resolve(fileName))) {
            return loop.ingest(connector, fileName, done, data);
        }
    }

    /** The same content is taken in again and again: the hub must not answer it as a duplicate of the last time. */
    private void forgetEarlierIntakes() {
        String files = "SELECT id FROM intake_file WHERE system = ?";
        database.update("DELETE FROM quarantine WHERE intake_file_id IN (" + files + ")", connector.system());
        database.update("DELETE FROM intake_file WHERE system = ?", connector.system());
    }

    private void summarise(List<String> modes, List<Measured> measured, long idleCpuNanos) {
        Map<String, double[]> cpu = new LinkedHashMap<>();
        Map<String, double[]> wall = new LinkedHashMap<>();
        for (String mode : modes) {
            cpu.put(mode, measured.stream().filter(m -> m.mode.equals(mode)).mapToDouble(m -> m.cpuNanos / 1e9)
                    .toArray());
            wall.put(mode, measured.stream().filter(m -> m.mode.equals(mode)).mapToDouble(m -> m.wallNanos / 1e9)
                    .toArray());
        }
        say("summary, %s %d records, medians of %d rounds; the idle hub used %.3f CPU-s per s", connector.system(),
                records, cpu.values().iterator().next().length, idleCpuNanos / 1e9 / 10);
        for (String mode : modes) {
            double c = median(cpu.get(mode));
            double w = median(wall.get(mode));
            say("%-9s cpu %6.2f s (%,.0f records per cpu-s; min %.2f, max %.2f)  wall %6.2f s (%,.0f records/s)",
                    mode, c, records / c, min(cpu.get(mode)), max(cpu.get(mode)), w, records / w);
        }
        if (modes.contains("route")) {
            for (String baseline : modes) {
                if (!baseline.equals("route")) {
                    say("ratio route / %s: cpu %.3f (per round: %s), wall %.3f", baseline,
                            median(cpu.get("route")) / median(cpu.get(baseline)),
                            perRound(cpu.get("route"), cpu.get(baseline)),
                            median(wall.get("route")) / median(wall.get(baseline)));
                }
            }
        }
    }

    private static String perRound(double[] route, double[] baseline) {
        StringBuilder ratios = new StringBuilder();
        for (int i = 0; i < Math.min(route.length, baseline.length); i++) {
            ratios.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", route[i] / baseline[i]));
        }
        return ratios.toString();
    }

    /** CPU time of the live Java threads, summed by name with numbers left out (pools of like threads as one). */
    private static Map<String, Long> javaThreadCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                byName.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
            }
        }
        return byName;
    }

    /** Where one file's CPU went: the busiest thread groups, and the rest of the process (GC, JIT, ended threads). */
    private static void sayThreads(String mode, Map<String, Long> before, Map<String, Long> after, long process) {
        Map<String, Long> spent = new java.util.HashMap<>();
        after.forEach((name, cpu) -> spent.put(name, cpu - before.getOrDefault(name, 0L)));
        long java = spent.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder();
        spent.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> line.append(String.format(Locale.ROOT, "  %s %.0f ms;", e.getKey(), e.getValue() / 1e6)));
        say("  threads %-9s non-Java (GC, JIT, ended threads) %.0f ms;%s", mode, (process - java) / 1e6, line);
    }

    private static long idleCpuNanos(int seconds) throws InterruptedException {
        long start = RouteTiming.processCpuNanos();
        Thread.sleep(seconds * 1000L);
        return RouteTiming.processCpuNanos() - start;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    private static void say(String format, Object... args) {
        System.out.println("B2 " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
