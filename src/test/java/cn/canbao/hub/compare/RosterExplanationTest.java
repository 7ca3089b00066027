package cn.canbao.hub.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 原因说明 of the roster (spec §7.1) from the reasons a run stored, in the layout the classification writes. */
class RosterExplanationTest {

    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of("no participation at all, and the expectations never held",
                        "[{\"code\" : \"NO_PARTICIPATION\"},{\"code\" : \"NEVER_HELD\", \"expectation\" : \"MEDICAL\", "
                                + "\"schemes\" : [\"310\",\"390\"], \"enrol\" : \"390\"}]",
                        "无任何险种参保记录；未参加医疗保险（应参 390）"),
                Arguments.of("lapsed, with the evidence's scheme and last paid month",
                        "[{\"code\" : \"LAPSED\", \"expectation\" : \"PENSION\", \"schemes\" : [\"110\",\"120\",\"170\"], "
                                + "\"evidence\" : {\"sourceRecordId\" : 6, \"system\" : \"PENSION\", \"scheme\" : \"110\", "
                                + "\"insuredRegion\" : \"630123\", \"contributionStatus\" : \"1\", \"personStatus\" : null, "
                                + "\"lastPaidMonth\" : \"2015-06\"}}]",
                        "养老保险断保（110 最后缴费 2015-06）"),
                Arguments.of("lapsed on a participation its scheme system no longer states (deleted, or left out of "
                                + "a full snapshot)",
                        "[{\"code\" : \"LAPSED\", \"expectation\" : \"MEDICAL\", \"schemes\" : [\"310\",\"390\"], "
                                + "\"evidence\" : {\"sourceRecordId\" : 7, \"system\" : \"MEDICAL\", \"scheme\" : \"390\", "
                                + "\"lastPaidMonth\" : \"2016-12\", \"ended\" : true}}]",
                        "医疗保险断保（390 参保关系已终止 最后缴费 2016-12）"),
                Arguments.of("lapsed without a paid month",
                        "[{\"code\" : \"LAPSED\", \"expectation\" : \"EMPLOYMENT_410\", \"schemes\" : [\"410\"], "
                                + "\"evidence\" : {\"scheme\" : \"410\", \"lastPaidMonth\" : null}}]",
                        "工伤保险断保（410 无缴费记录）"),
                Arguments.of("flags and their nested evidence are no reasons to survey",
                        "[{\"code\" : \"NEVER_HELD\", \"expectation\" : \"EMPLOYMENT_510\", \"schemes\" : [\"510\"], "
                                + "\"enrol\" : \"510\"},{\"code\" : \"DUPLICATE\", \"participations\" : [{\"scheme\" : "
                                + "\"110\", \"insuredRegion\" : \"630102\"},{\"scheme\" : \"170\"}]},{\"code\" : \"STUDENT\", "
                                + "\"sourceRecordId\" : 9}]",
                        "未参加生育保险（应参 510）"),
                Arguments.of("an empty list", "[]", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasons")
    void explainsTheUnmetExpectations(String description, String reasons, String explanation) {
        assertThat(RosterRows.explanation(reasons.getBytes(StandardCharsets.UTF_8))).isEqualTo(explanation);
    }

    @Test
    void explainsNothingWithoutReasons() {
        assertThat(RosterRows.explanation(null)).isEmpty();
    }

    @Test
    void refusesReasonsThatAreNotJson() {
        assertThatThrownBy(() -> RosterRows.explanation("[{\"code\" : ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("not JSON");
    }
}
