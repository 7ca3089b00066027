package cn.canbao.hub.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionsTest {

    private final Regions regions = Regions.standard();

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "630000, 青海省, province, null, null, 2023",
            "630100, 西宁市, prefecture, null, 630100, 2023",
            "630106, 湟中区, county, 630106, 630100, 2023",
            "630122, 湟中县, county, 630122, 630100, 2017",
            "632301, 同仁市, county, 632301, 632300, 2023",
            "632321, 同仁县, county, 632321, 632300, 2017",
            "632858, 冷湖行政委员会, county, 632858, 632800, 2017",
            "630102001, 东关大街街道, township, 630102, 630100, 2023",
            "630122101, 西堡镇, township, 630122, 630100, 2017"})
    void findsCodesOfBothEditionsWithTheirCountyAndPrefecture(
            String code, String name, String level, String county, String prefecture, String edition) {
        assertThat(regions.find(code)).contains(new Region(code, name, level, county, prefecture, edition));
    }

    @Test
    void resolvesEveryCodeOfBothReferenceEditions() throws IOException {
        for (String file : List.of("qinghai_divisions.csv", "qinghai_divisions_2017.csv")) {
            List<String> codes = codesOf(file);
            assertThat(codes).hasSizeGreaterThan(470);
            assertThat(codes).allSatisfy(code -> assertThat(regions.find(code)).isPresent());
        }
    }

    @Test
    void reportsTheCountyAndPrefectureOfATownshipACountyAndAPrefecture() {
        assertThat(regions.countyOf("630122101")).map(Region::name).contains("湟中县");
        assertThat(regions.countyOf("630106")).map(Region::name).contains("湟中区");
        assertThat(regions.countyOf("630100")).isEmpty();
        assertThat(regions.prefectureOf("632857")).map(Region::name).contains("海西蒙古族藏族自治州");
        assertThat(regions.prefectureOf("630102001")).map(Region::code).contains("630100");
        assertThat(regions.prefectureOf("632200")).map(Region::code).contains("632200");
        assertThat(regions.prefectureOf("630000")).isEmpty();
        assertThat(regions.countyOf("999999")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"632100", "632121", "632122", "632124", "632721", "630111", "630221", "630102", "630106", "632301"})
    void acceptsEveryCodeEverValidAsAnIdentityNumberAddressCode(String code) {
        assertThat(regions.isHistoricalAddressCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"632199", "630199", "110105", "63212", "6321210", "630102001", ""})
    void refusesCodesThatWereNeverAnAddressCodeOfTheProvince(String code) {
        assertThat(regions.isHistoricalAddressCode(code)).isFalse();
        assertThat(regions.isHistoricalAddressCode(null)).isFalse();
    }

    @Test
    void findsNothingForNoCode() {
        assertThat(regions.find(null)).isEmpty();
    }

    private static List<String> codesOf(String file) throws IOException {
        try (InputStream in = RegionsTest.class.getResourceAsStream("/reference/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Stream.of(text.split("\r?\n")).skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
        }
    }
}
