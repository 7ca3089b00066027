package cn.canbao.hub.connector.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/**
 * Keeps a data file the hub just failed on out of the next polls for a while, so the files behind it in the same
 * {@code in/} folder go first instead of waiting behind it (the route takes one file per poll); and keeps a whole
 * folder out while its route waits for the database or the exchange server ({@link IntakeBackoff}).
 */
@Component
public class FileRetryFilter implements GenericFileFilter<Object> {

    /** The pause after a file's first failed attempt; it doubles with every further one. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);

    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Clock clock;

    public FileRetryFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return true;
        }
        Instant now = clock.instant();
        String path = normalised(file.getAbsoluteFilePath());
        return isDue(path, now) && isDue(folderOf(path), now);
    }

    /** After attempt {@code attempt} of the file at {@code path} failed for a reason inside the hub. */
    void retryLater(String path, int attempt) {
        notBefore.put(normalised(path), clock.instant().plus(FIRST_PAUSE.multipliedBy(1L << Math.min(attempt - 1, 4))));
    }

    /** After a file's route failed for want of the infrastructure: the whole folder waits. */
    void folderWaits(String path, Duration pause) {
        notBefore.put(folderOf(normalised(path)), clock.instant().plus(pause));
    }

    void answered(String path) {
        String normalised = normalised(path);
        notBefore.remove(normalised);
        notBefore.remove(folderOf(normalised));
    }

    private boolean isDue(String key, Instant now) {
        Instant due = notBefore.get(key);
        return due == null || !now.isBefore(due);
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    private static String normalised(String path) {
        String slashes = path.replace('\\', '/');
        return slashes.startsWith("/") ? slashes.substring(1) : slashes;
    }
}
