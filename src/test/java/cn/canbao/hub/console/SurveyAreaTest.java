package cn.canbao.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rosters and persons a survey client's regions cover (docs/survey.md, "Who may call what"). */
class SurveyAreaTest {

    @ParameterizedTest(name = "regions {0}, roster {1}: {2}")
    @CsvSource({
            "632522,           632522,    true",
            "632522,           632522100, true",
            "632522,           632523,    false",
            "632522,           632523100, false",
            "632522100,        632522100, true",
            "632522100,        632522101, false",
            "632522100,        632522,    false",
            "632523 632522100, 632523201, true",
            "632523 632522100, 632522,    false"})
    void coversTheRostersOfItsCountiesTheirTownshipsAndItsTownships(String regions, String roster, boolean covered) {
        assertThat(area(regions).covers(roster)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "regions {0}, person in {1} / {2}: {3}")
    @CsvSource({
            "632522,    632522, 632522100, true",
            "632522,    632522,          , true",
            "632522,    632523, 632523100, false",
            "632522100, 632522, 632522100, true",
            "632522100, 632522, 632522101, false",
            "632522100, 632522,          , false"})
    void coversThePersonsPlacedInItsCountiesAndTownships(String regions, String county, String township,
                                                          boolean covered) {
        assertThat(area(regions).coversPerson(county, township)).isEqualTo(covered);
    }

    @ParameterizedTest
    @CsvSource({"632522", "632522100", "630102001"})
    void givesTheWholeProvinceToTheHubsOwnApiUsers(String region) {
        assertThat(SurveyArea.wholeProvince().covers(region)).isTrue();
    }

    private static SurveyArea area(String regions) {
        List<String> codes = Arrays.asList(regions.split(" "));
        return SurveyArea.of(codes);
    }
}
