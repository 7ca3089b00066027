package cn.canbao.hub.reliability.crash;

import static org.awaitility.Awaitility.await;

import cn.canbao.hub.support.PowerCut;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged hub (the exec jar) as a process of its own, started from the repository's directory so that it reads
 * ./config, ./connectors and ./routes as an installed hub does, with everything it keeps under one data directory.
 */
public final class HubProcess {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(90);

    private final Process jvm;
    private final Path dataDir;
    private final HubPorts ports;

    private HubProcess(Process jvm, Path dataDir, HubPorts ports) {
        this.jvm = jvm;
        this.dataDir = dataDir;
        this.ports = ports;
    }

    static HubProcess start(HarnessSettings settings, Path dataDir, HubPorts ports, Path log) throws IOException {
        return start(settings, dataDir, ports, log, List.of());
    }

    /** The hub with settings of its own besides the harness's, e.g. the national simulator's file. */
    public static HubProcess start(HarnessSettings settings, Path dataDir, HubPorts ports, Path log,
                                   List<String> moreArguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.hubJvmOptions().stream().filter(option -> !option.isEmpty()).toList());
        command.addAll(List.of("-jar", settings.jar().toString(),
                "--canbao.data-dir=" + dataDir.toAbsolutePath(), "--canbao.demo.enabled=false"));
        command.addAll(ports.arguments());
        command.addAll(moreArguments);
        Process jvm = new ProcessBuilder(command)
                .directory(settings.repository().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new HubProcess(jvm, dataDir, ports);
    }

    /** Waits until the hub answers its health check (everything started: database, broker, SFTP, routes). */
    public void awaitHealthy(Duration atMost) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.http() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the hub's JVM ended; see its log", () -> !jvm.isAlive())
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** {@code kill -9} of the hub's JVM alone: its embedded PostgreSQL, in a session of its own, lives on. */
    void killJvm() {
        PowerCut.of(jvm.toHandle());
    }

    /** {@code kill -9} of the JVM and of its embedded PostgreSQL (the postmaster and its children) together. */
    public void killJvmAndPostgres() throws IOException {
        List<ProcessHandle> processes = new ArrayList<>(List.of(jvm.toHandle()));
        postmaster().ifPresent(processes::add);
        PowerCut.of(processes.toArray(ProcessHandle[]::new));
    }

    /** Stops the hub as an operator does (SIGTERM, the JVM shuts its servers down), or kills it if it hangs. */
    void stop() throws IOException, InterruptedException {
        jvm.destroy();
        if (!jvm.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
            killJvmAndPostgres();
        }
        Optional<ProcessHandle> leftover = postmaster();
        if (leftover.isPresent()) {
            PowerCut.of(leftover.get());
        }
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        Path lockFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        String pid = Files.readAllLines(lockFile).get(0).strip();
        return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }
}
