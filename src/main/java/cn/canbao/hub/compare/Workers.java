package cn.canbao.hub.compare;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads a run's work is spread over (its parts, its roster files), and waiting for what they compute. */
final class Workers {

    private Workers() {
    }

    static ExecutorService pool(int threads, String name) {
        AtomicInteger started = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> new Thread(r, name + "-" + started.incrementAndGet()));
    }

    /** The task's value once it is done; when it failed, the exception it failed with rather than a wrapper. */
    static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
