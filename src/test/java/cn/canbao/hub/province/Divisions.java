package cn.canbao.hub.province;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Qinghai's counties and townships from the project's division list (src/main/resources/reference/
 * qinghai_divisions.csv), each county weighted by a plausible share of the province's residents (the 2020 census
 * in round figures: Xining's districts largest, the Tibetan prefectures of the south sparsely settled), and a few
 * counties of other provinces where non-registered residents hold their household registration. Numbers issued
 * before 2012 in Haidong may begin with the former prefecture's county code (spec §2: the code valid at issue).
 */
final class Divisions {

    /** Residents in thousands, by county; a county not named gets its prefecture's default. */
    private static final Map<String, Integer> THOUSANDS = Map.ofEntries(
            Map.entry("630102", 480), Map.entry("630103", 380), Map.entry("630104", 400), Map.entry("630105", 370),
            Map.entry("630106", 440), Map.entry("630121", 410), Map.entry("630123", 130),
            Map.entry("630202", 260), Map.entry("630203", 120), Map.entry("630222", 350), Map.entry("630223", 340),
            Map.entry("630224", 200), Map.entry("630225", 130), Map.entry("632221", 150), Map.entry("632801", 220),
            Map.entry("632802", 80), Map.entry("632521", 130), Map.entry("632701", 120));
    private static final Map<String, Integer> PREFECTURE_DEFAULT = Map.of("6322", 40, "6323", 60, "6325", 80,
            "6326", 35, "6327", 60, "6328", 30);
    /** Counties of other provinces (national divisions of 2023) where migrants to Qinghai are registered. */
    static final List<String> OTHER_PROVINCE_COUNTIES = List.of("620102", "620105", "510104", "510107", "410105",
            "640104", "610113", "150102");

    /** Haidong's counties and the codes of the former 海东地区 (until 2011) their older identity numbers begin with. */
    static final Map<String, String> FORMER_CODE = Map.of("630202", "632123", "630203", "632121", "630222", "632122",
            "630223", "632126", "630224", "632127", "630225", "632128");

    record County(String code, String name, List<Township> townships) {
    }

    record Township(String code, String name) {
    }

    private final List<County> counties;
    private final double[] cumulative;

    private Divisions(List<County> counties, double[] cumulative) {
        this.counties = counties;
        this.cumulative = cumulative;
    }

    static Divisions qinghai() {
        Map<String, String> countyNames = new LinkedHashMap<>();
        Map<String, List<Township>> townships = new LinkedHashMap<>();
        try (InputStream in = Divisions.class.getResourceAsStream("/reference/qinghai_divisions.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                if (cells[2].equals("county")) {
                    countyNames.put(cells[0], cells[1]);
                } else if (cells[2].equals("township")) {
                    townships.computeIfAbsent(cells[3], c -> new ArrayList<>()).add(new Township(cells[0], cells[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<County> counties = new ArrayList<>();
        countyNames.forEach((code, name) -> {
            if (townships.containsKey(code)) {
                counties.add(new County(code, name, List.copyOf(townships.get(code))));
            }
        });
        double[] cumulative = new double[counties.size()];
        double total = 0;
        for (int i = 0; i < counties.size(); i++) {
            String code = counties.get(i).code();
            total += THOUSANDS.getOrDefault(code, PREFECTURE_DEFAULT.getOrDefault(code.substring(0, 4), 50));
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        return new Divisions(List.copyOf(counties), cumulative);
    }

    County county(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return counties.get(i);
            }
        }
        return counties.get(counties.size() - 1);
    }

    static Township township(County county, SplittableRandom random) {
        return county.townships().get(random.nextInt(county.townships().size()));
    }

    /** Every region an identity number may begin with: the province's counties, then the other provinces'. */
    List<String> identityRegions() {
        List<String> regions = new ArrayList<>(counties.stream().map(County::code).toList());
        regions.addAll(OTHER_PROVINCE_COUNTIES);
        regions.addAll(FORMER_CODE.values().stream().sorted().toList());
        return regions;
    }
}
