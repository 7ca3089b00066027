package cn.canbao.hub.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with what an earlier run of the embedded PostgreSQL left in the hub's data directory before the hub starts
 * its own. zonky starts the server through {@code pg_ctl}, which detaches it into a session of its own: a
 * {@code kill -9} of the hub's JVM (or of its process group) leaves the postmaster running, holding the data
 * directory's lock file and the port, and every later start would fail. Such a postmaster is stopped with a fast
 * shutdown — its sessions died with the JVM, their open transactions roll back, and every commit is already on
 * disk. A lock file whose process is gone is left to PostgreSQL, which takes it over and replays its WAL.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    /** A fast shutdown writes a checkpoint of what the dead hub left in shared buffers. */
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(15);

    private enum Identity { POSTMASTER_OF_THIS_DATA, ANOTHER_PROCESS, UNKNOWN }

    private LeftoverPostmaster() {
    }

    static void stopIfRunning(Path pgData) throws IOException {
        Optional<PostmasterPidFile> lockFile = PostmasterPidFile.in(pgData);
        if (lockFile.isEmpty()) {
            return;
        }
        PostmasterPidFile found = lockFile.get();
        Optional<ProcessHandle> process = ProcessHandle.of(found.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("{} names pid {}, which is gone: the embedded PostgreSQL stopped without shutting down; "
                    + "it takes the lock file over and recovers from its WAL", found.file(), found.pid());
            return;
        }
        switch (identify(process.get(), pgData)) {
            case POSTMASTER_OF_THIS_DATA -> stop(process.get(), found);
            case ANOTHER_PROCESS -> {
                // PostgreSQL refuses to start while the pid in its lock file is alive, whoever it now belongs to
                // (pids are reused, after a reboot in particular)
                log.warn("{} names pid {}, which is now another process ({}), not a PostgreSQL of this data "
                                + "directory: removing the stale lock file", found.file(), found.pid(),
                        commandOf(process.get()));
                Files.deleteIfExists(found.file());
            }
            case UNKNOWN -> log.warn("{} names pid {}, a live process the hub cannot inspect: leaving the lock file "
                    + "to PostgreSQL", found.file(), found.pid());
        }
    }

    /**
     * A postmaster's working directory is its data directory (it changes to it at start); its executable is
     * {@code postgres}. Anything else holding the pid is not the server of this data directory.
     */
    private static Identity identify(ProcessHandle process, Path pgData) throws IOException {
        Path workingDirectory;
        try {
            workingDirectory = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Identity.UNKNOWN;
        }
        if (!workingDirectory.equals(pgData.toRealPath())) {
            return Identity.ANOTHER_PROCESS;
        }
        return commandOf(process).equals("postgres") ? Identity.POSTMASTER_OF_THIS_DATA : Identity.UNKNOWN;
    }

    private static String commandOf(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command.replace(" (deleted)", "")).getFileName().toString())
                .orElse("?");
    }

    private static void stop(ProcessHandle postmaster, PostmasterPidFile found) {
        log.warn("The embedded PostgreSQL of {} is still running from an earlier run of the hub (pid {}, port {}): "
                        + "the hub stopped without shutting it down. Stopping it (fast shutdown) before starting it "
                        + "again", found.dataDirectory(), found.pid(), found.port());
        long started = System.nanoTime();
        // PostgreSQL's fast shutdown is SIGINT; Java can send a process only SIGTERM (a "smart" shutdown, which
        // waits for every session to end) or SIGKILL
        signal(postmaster, "INT");
        if (!exits(postmaster, FAST_SHUTDOWN_WAIT)) {
            log.warn("PostgreSQL (pid {}) did not stop within {} s; immediate shutdown, it recovers from its WAL at "
                    + "the next start", found.pid(), FAST_SHUTDOWN_WAIT.toSeconds());
            signal(postmaster, "QUIT");
            if (!exits(postmaster, IMMEDIATE_SHUTDOWN_WAIT)) {
                throw new IllegalStateException("The embedded PostgreSQL left running in " + found.dataDirectory()
                        + " (pid " + found.pid() + ") does not stop: stop it by hand (kill -QUIT " + found.pid()
                        + ") and start the hub again");
            }
        }
        log.info("Stopped the leftover PostgreSQL (pid {}) in {} ms; starting it again on the same data",
                found.pid(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal PostgreSQL (pid " + process.pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL (pid " + process.pid() + ")", e);
        }
    }

    private static boolean exits(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for PostgreSQL (pid " + process.pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL (pid " + process.pid() + ")", e);
        }
    }
}
