package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code canbao.statistics.targets}: the plan's targets beside the coverage rates (spec §8), checked at start. */
class StatisticsPropertiesTest {

    @Test
    void defaultsToThePlansTargetsOfNinetyPercentForSurveyAndPensionAndNoneForMedical() {
        StatisticsProperties.Targets targets = bind(Map.of()).targets();

        assertThat(targets.survey()).isEqualTo(0.9);
        assertThat(targets.pension()).isEqualTo(0.9);
        assertThat(targets.medical()).isNull();
    }

    @Test
    void takesTheTargetsConfigured() {
        StatisticsProperties.Targets targets = bind(Map.of("canbao.statistics.targets.survey", "0.95",
                "canbao.statistics.targets.medical", "0.98")).targets();

        assertThat(targets.survey()).isEqualTo(0.95);
        assertThat(targets.medical()).isEqualTo(0.98);
        assertThat(targets.pension()).isEqualTo(0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "-0.1", "1.01"})
    void refusesATargetThatIsNoFractionNamingItsKey(String target) {
        assertThatThrownBy(() -> bind(Map.of("canbao.statistics.targets.survey", target)))
                .rootCause().hasMessageContaining("canbao.statistics.targets.survey");
    }

    private static StatisticsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("canbao.statistics", StatisticsProperties.class);
    }
}
