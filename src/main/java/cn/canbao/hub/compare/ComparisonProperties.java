package cn.canbao.hub.compare;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code canbao.compare.*}: when the comparison runs and by which rules. The rules default to the values of the
 * interface specification §8; each run stores the rules it used, so two runs under different rules can be diffed.
 * A wrong value, or a key that is none of these, stops the hub at start with a message naming the key. Which
 * schemes are paid yearly is no rule but a fact of the scheme definition (reference/schemes.csv, decision 0006).
 *
 * @param cron     Spring cron (six fields) of the nightly run, in {@code canbao.time-zone}
 * @param rules    the classification rules
 * @param workMem  PostgreSQL {@code work_mem} for the classification statement (hash tables of the population)
 * @param keepRuns completed runs whose per-person results are kept; older results are deleted after a run
 * @param alertPollDelayMs milliseconds between two looks of the alert-outbox route at unsent alerts
 * @param parallelism how many statements classify disjoint parts of the population at once (database cores to use)
 */
@ConfigurationProperties(prefix = "canbao.compare", ignoreUnknownFields = false)
public record ComparisonProperties(
        @DefaultValue("0 30 1 * * *") String cron,
        @DefaultValue Rules rules,
        @DefaultValue("256MB") String workMem,
        @DefaultValue("14") int keepRuns,
        @DefaultValue("5000") long alertPollDelayMs,
        @DefaultValue("2") int parallelism) {

    private static final Pattern WORK_MEM = Pattern.compile("\\d{1,6}(kB|MB|GB)");

    public ComparisonProperties {
        require(WORK_MEM.matcher(workMem).matches(), "canbao.compare.work-mem",
                "must be a PostgreSQL memory size such as 256MB, was '" + workMem + "'");
        require(alertPollDelayMs >= 100, "canbao.compare.alert-poll-delay-ms", "must be at least 100, was "
                + alertPollDelayMs);
        require(parallelism >= 1 && parallelism <= 16, "canbao.compare.parallelism", "must be 1..16, was "
                + parallelism);
        require(keepRuns >= 2, "canbao.compare.keep-runs", "must keep at least 2 runs (for a diff), was " + keepRuns);
    }

    /**
     * @param paymentWindowMonths       a participation is active when its last paid month is at most this many
     *                                  months before the as-of month (spec: 3)
     * @param yearlyPaymentWindowMonths the same for the schemes paid yearly (spec: 12; 170 and 390)
     * @param pensionAge                full age from which pension is expected (spec: 16)
     */
    public record Rules(
            @DefaultValue("3") int paymentWindowMonths,
            @DefaultValue("12") int yearlyPaymentWindowMonths,
            @DefaultValue("16") int pensionAge) {

        public Rules {
            require(paymentWindowMonths >= 0 && paymentWindowMonths <= 120,
                    "canbao.compare.rules.payment-window-months", "must be 0..120, was " + paymentWindowMonths);
            require(yearlyPaymentWindowMonths >= 0 && yearlyPaymentWindowMonths <= 120,
                    "canbao.compare.rules.yearly-payment-window-months",
                    "must be 0..120, was " + yearlyPaymentWindowMonths);
            require(pensionAge >= 0 && pensionAge <= 100, "canbao.compare.rules.pension-age",
                    "must be 0..100, was " + pensionAge);
        }

        /** The specification's values. */
        public static Rules specification() {
            return new Rules(3, 12, 16);
        }
    }

    private static void require(boolean condition, String key, String message) {
        if (!condition) {
            throw new IllegalArgumentException(key + " " + message);
        }
    }
}
