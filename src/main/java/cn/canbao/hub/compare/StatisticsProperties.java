package cn.canbao.hub.compare;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code canbao.statistics.*}: the targets of the plan that the statistics show beside each coverage rate (spec §8:
 * survey rate and pension rate at least 90 %). A wrong value stops the hub at start with a message naming the key.
 *
 * @param targets the least rate the plan sets per coverage rate, as a fraction (0.9 = 90 %)
 */
@ConfigurationProperties(prefix = "canbao.statistics", ignoreUnknownFields = false)
public record StatisticsProperties(@DefaultValue Targets targets) {

    /**
     * @param pension the pension rate's target (spec: 0.9)
     * @param medical the medical rate's target; none in the spec, so none unless configured
     * @param survey  the survey rate's target (spec: 0.9)
     */
    public record Targets(@DefaultValue("0.9") Double pension, Double medical, @DefaultValue("0.9") Double survey) {

        public Targets {
            require(pension, "canbao.statistics.targets.pension");
            require(medical, "canbao.statistics.targets.medical");
            require(survey, "canbao.statistics.targets.survey");
        }

        private static void require(Double target, String key) {
            if (target != null && !(target >= 0 && target <= 1)) {
                throw new IllegalArgumentException(key + " must be a fraction 0..1 (0.9 = 90 %), was " + target);
            }
        }
    }
}
