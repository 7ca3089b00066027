package cn.canbao.hub.reliability.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a harness run is set up, from system properties (scripts/crash-trials.sh and .ci/run pass them).
 *
 * @param trials     {@code canbao.crash.trials}: trials after the reference run, alternating the two kinds of crash
 * @param seed       {@code canbao.crash.seed}: the workload's seed; trial i takes seed + i for its moment of crash
 * @param jar        {@code canbao.crash.jar}: the packaged hub
 * @param repository the directory the hub runs in (its ./config, ./connectors, ./routes): the working directory
 * @param output     {@code canbao.crash.output}: the report, and the runs' data directories and hub logs
 * @param window     {@code canbao.crash.window-ms}: a crash lands at a random moment this long after the workload
 *                   starts (the partners send for about a third of it; the hub ingests during the rest)
 * @param spacing    {@code canbao.crash.spacing-ms}: between the partners' first sends
 * @param hubJvmOptions {@code canbao.crash.hub-jvm-options}: the hub spends most of its life in the harness starting;
 *                   with C1 alone and the serial collector a start costs about 40 % less CPU (docs/reliability.md),
 *                   and what a crash leaves does not depend on the JIT
 */
public record HarnessSettings(int trials, long seed, Path jar, Path repository, Path output, Duration window,
                       Duration spacing, List<String> hubJvmOptions) {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(180);

    public static HarnessSettings fromSystemProperties() {
        Path repository = Path.of("").toAbsolutePath();
        return new HarnessSettings(
                Integer.getInteger("canbao.crash.trials", 10),
                Long.getLong("canbao.crash.seed", 20171015L),
                repository.resolve(System.getProperty("canbao.crash.jar", "target/canbao-hub-0.1.0-SNAPSHOT-exec.jar")),
                repository,
                repository.resolve(System.getProperty("canbao.crash.output", "target/crash-trials")),
                Duration.ofMillis(Long.getLong("canbao.crash.window-ms", 9_000L)),
                Duration.ofMillis(Long.getLong("canbao.crash.spacing-ms", 50L)),
                List.of(System.getProperty("canbao.crash.hub-jvm-options", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
                        .strip().split("\\s+")));
    }

    /** The data directories and hub logs of the template, the reference run and the trials. */
    Path runs() {
        return output.resolve("runs");
    }

    long trialSeed(int trial) {
        return seed + trial;
    }
}
