package cn.canbao.hub.compare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Category counts and coverage rates per county, prefecture and the province for each run (spec §8). Rates are
 * over the population base less EXCLUDED persons; the survey rate counts rostered persons with a survey result
 * (spec §6).
 */
@Component
public class Statistics {

    /** One region's figures in one run; a rate is null where its denominator is 0. */
    public record RegionStatistic(long runId, String level, String region, long persons, long excluded,
                                  long uninsured, long lapsed, long partial, long insured, long notInPopulation,
                                  long pensionExpected, long pensionMet, long medicalExpected, long medicalMet,
                                  long rostered, long surveyed, Double pensionRate, Double medicalRate,
                                  Double surveyRate) {

        /** Persons per category, leaving out categories with nobody (as the run's counts show them). */
        public Map<String, Long> categoryCounts() {
            Map<String, Long> counts = new TreeMap<>();
            Map.of("EXCLUDED", excluded, "UNINSURED", uninsured, "LAPSED", lapsed, "PARTIAL", partial,
                    "INSURED", insured, "NOT_IN_POPULATION", notInPopulation).forEach((category, persons) -> {
                        if (persons > 0) {
                            counts.put(category, persons);
                        }
                    });
            return counts;
        }
    }

    /**
     * One pass over the run's results by county (a hash aggregation of a few dozen groups), then the rollup. A query
     * of its own rather than INSERT … SELECT, which PostgreSQL 15 never gives parallel workers: the scan of the run's
     * millions of rows is what takes the time.
     */
    private static final String COMPUTE = """
            SELECT CAST(:runId AS bigint) AS run_id,
                   CASE WHEN GROUPING(c.prefecture) = 1 THEN 'PROVINCE'
                        WHEN GROUPING(c.county) = 1 THEN 'PREFECTURE' ELSE 'COUNTY' END AS level,
                   CASE WHEN GROUPING(c.prefecture) = 1 THEN :province
                        WHEN GROUPING(c.county) = 1 THEN c.prefecture ELSE c.county END AS region,
                   sum(c.persons) AS persons, sum(c.excluded) AS excluded, sum(c.uninsured) AS uninsured,
                   sum(c.lapsed) AS lapsed, sum(c.partial) AS partial, sum(c.insured) AS insured,
                   sum(c.not_in_population) AS not_in_population, sum(c.pension_expected) AS pension_expected,
                   sum(c.pension_met) AS pension_met, sum(c.medical_expected) AS medical_expected,
                   sum(c.medical_met) AS medical_met, sum(c.rostered) AS rostered, sum(c.surveyed) AS surveyed
            FROM (
                SELECT r.prefecture, r.county,
                       count(*) FILTER (WHERE r.category <> 'NOT_IN_POPULATION') AS persons,
                       count(*) FILTER (WHERE r.category = 'EXCLUDED') AS excluded,
                       count(*) FILTER (WHERE r.category = 'UNINSURED') AS uninsured,
                       count(*) FILTER (WHERE r.category = 'LAPSED') AS lapsed,
                       count(*) FILTER (WHERE r.category = 'PARTIAL') AS partial,
                       count(*) FILTER (WHERE r.category = 'INSURED') AS insured,
                       count(*) FILTER (WHERE r.category = 'NOT_IN_POPULATION') AS not_in_population,
                       count(*) FILTER (WHERE r.category NOT IN ('EXCLUDED', 'NOT_IN_POPULATION') AND r.pension_expected)
                           AS pension_expected,
                       count(*) FILTER (WHERE r.category NOT IN ('EXCLUDED', 'NOT_IN_POPULATION') AND r.pension_expected
                                          AND r.pension_met) AS pension_met,
                       count(*) FILTER (WHERE r.category NOT IN ('EXCLUDED', 'NOT_IN_POPULATION')) AS medical_expected,
                       count(*) FILTER (WHERE r.category NOT IN ('EXCLUDED', 'NOT_IN_POPULATION') AND r.medical_met)
                           AS medical_met,
                       count(*) FILTER (WHERE r.rostered) AS rostered,
                       count(*) FILTER (WHERE r.rostered AND s.id_number IS NOT NULL) AS surveyed
                FROM comparison_result r
                -- one hash join, instead of a lookup per rostered person (1.3 M at 6 M persons)
                LEFT JOIN (SELECT DISTINCT id_number FROM survey_result) s ON s.id_number = r.id_number
                WHERE r.run_id = :runId
                GROUP BY r.prefecture, r.county) c
            GROUP BY ROLLUP (c.prefecture, c.county)
            HAVING GROUPING(c.prefecture) = 1 OR (c.prefecture IS NOT NULL AND (GROUPING(c.county) = 1 OR c.county IS NOT NULL))
            """;

    private static final String INSERT = """
            INSERT INTO comparison_statistic (run_id, level, region, persons, excluded, uninsured, lapsed, partial,
                insured, not_in_population, pension_expected, pension_met, medical_expected, medical_met, rostered,
                surveyed)
            VALUES (:runId, :level, :region, :persons, :excluded, :uninsured, :lapsed, :partial, :insured,
                    :notInPopulation, :pensionExpected, :pensionMet, :medicalExpected, :medicalMet, :rostered, :surveyed)
            """;

    private static final String SELECT = """
            SELECT run_id, level, region, persons, excluded, uninsured, lapsed, partial, insured, not_in_population,
                   pension_expected, pension_met, medical_expected, medical_met, rostered, surveyed
            FROM comparison_statistic
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final String provinceCode;

    public Statistics(NamedParameterJdbcTemplate jdbc, @Value("${canbao.province-code}") String provinceCode) {
        this.jdbc = jdbc;
        this.provinceCode = provinceCode;
    }

    /** Computes a run's figures in one pass over its results; returns the province's. */
    RegionStatistic compute(long runId) {
        List<RegionStatistic> figures = jdbc.query(COMPUTE, new MapSqlParameterSource("runId", runId)
                .addValue("province", provinceCode), (rs, n) -> statistic(rs));
        jdbc.batchUpdate(INSERT, figures.stream().map(SimplePropertySqlParameterSource::new)
                .toArray(SqlParameterSource[]::new));
        return figures.stream().filter(figure -> figure.level().equals("PROVINCE")).findFirst().orElseThrow();
    }

    /** The figures of a region (province, prefecture or county code) in a run. */
    public Optional<RegionStatistic> of(long runId, String region) {
        return jdbc.query(SELECT + "WHERE run_id = :runId AND region = :region",
                new MapSqlParameterSource("runId", runId).addValue("region", region),
                (rs, n) -> statistic(rs)).stream().findFirst();
    }

    /** The figures of the regions directly below a region: prefectures of the province, counties of a prefecture. */
    public List<RegionStatistic> below(long runId, String region) {
        String level = region.equals(provinceCode) ? "PREFECTURE" : "COUNTY";
        return jdbc.query(SELECT + "WHERE run_id = :runId AND level = :level AND region <> :region "
                        + "AND (:level = 'PREFECTURE' OR substr(region, 1, 4) = substr(:region, 1, 4)) ORDER BY region",
                new MapSqlParameterSource("runId", runId).addValue("level", level).addValue("region", region),
                (rs, n) -> statistic(rs));
    }

    private static RegionStatistic statistic(ResultSet rs) throws SQLException {
        long pensionExpected = rs.getLong("pension_expected");
        long pensionMet = rs.getLong("pension_met");
        long medicalExpected = rs.getLong("medical_expected");
        long medicalMet = rs.getLong("medical_met");
        long rostered = rs.getLong("rostered");
        long surveyed = rs.getLong("surveyed");
        return new RegionStatistic(rs.getLong("run_id"), rs.getString("level"), rs.getString("region"),
                rs.getLong("persons"), rs.getLong("excluded"), rs.getLong("uninsured"), rs.getLong("lapsed"),
                rs.getLong("partial"), rs.getLong("insured"), rs.getLong("not_in_population"), pensionExpected,
                pensionMet, medicalExpected, medicalMet, rostered, surveyed, rate(pensionMet, pensionExpected),
                rate(medicalMet, medicalExpected), rate(surveyed, rostered));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
