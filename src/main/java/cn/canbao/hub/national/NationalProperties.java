package cn.canbao.hub.national;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code canbao.national.*}: the national exchange (spec §5, docs/national.md). A wrong value, or a key that is none
 * of these, stops the hub at start with a message naming the key.
 *
 * @param requestSize          identity numbers per COMPARE_REQUEST (spec: at most 1,000)
 * @param incrementBatch       records per PERSON_INCREMENT message
 * @param incrementCron        Spring cron (six fields) of the daily PERSON_INCREMENT, in {@code canbao.time-zone}
 * @param requestPollDelayMs   milliseconds between two looks for a completed run, survey marks and requests due again
 * @param outboxPollDelayMs    milliseconds between two looks at unsent messages (route national-outbox-poll; a
 *                             writer also wakes the outbox once it committed)
 * @param answerTimeout        a request unanswered this long after it was sent is sent again, or expires
 * @param sends                how often a request is sent at most (the first send included) before it expires
 * @param simulator            the embedded run's stand-in for the national system
 */
@ConfigurationProperties(prefix = "canbao.national", ignoreUnknownFields = false)
public record NationalProperties(
        @DefaultValue("1000") int requestSize,
        @DefaultValue("1000") int incrementBatch,
        @DefaultValue("0 0 2 * * *") String incrementCron,
        @DefaultValue("5000") long requestPollDelayMs,
        @DefaultValue("2000") long outboxPollDelayMs,
        @DefaultValue("6h") Duration answerTimeout,
        @DefaultValue("3") int sends,
        @DefaultValue Simulator simulator) {

    public NationalProperties {
        require(requestSize >= 1 && requestSize <= 1000, "canbao.national.request-size",
                "must be 1..1000 (spec §5), was " + requestSize);
        require(incrementBatch >= 1 && incrementBatch <= 10_000, "canbao.national.increment-batch",
                "must be 1..10000, was " + incrementBatch);
        require(requestPollDelayMs >= 100, "canbao.national.request-poll-delay-ms",
                "must be at least 100, was " + requestPollDelayMs);
        require(outboxPollDelayMs >= 100, "canbao.national.outbox-poll-delay-ms",
                "must be at least 100, was " + outboxPollDelayMs);
        require(answerTimeout.toSeconds() >= 1, "canbao.national.answer-timeout",
                "must be at least a second, was " + answerTimeout);
        require(sends >= 1 && sends <= 20, "canbao.national.sends", "must be 1..20, was " + sends);
    }

    /**
     * @param enabled     run the simulator (the embedded default; false in production, where the national system
     *                    itself connects as broker user {@code national})
     * @param personsFile CSV {@code id_number,province,scheme,status} of the persons the simulator finds insured in
     *                    another province
     */
    public record Simulator(@DefaultValue("false") boolean enabled,
                            @DefaultValue("data/national/insured-elsewhere.csv") Path personsFile) {
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(key + " " + problem);
        }
    }
}
