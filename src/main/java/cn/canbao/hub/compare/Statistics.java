package cn.canbao.hub.compare;

import cn.canbao.hub.registry.SqlStatements;
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

    private static final String COMPUTE = SqlStatements.named("compare/statistics");
    private static final String INSERT = SqlStatements.named("compare/statistics-insert");
    private static final String OF_REGION = SqlStatements.named("compare/statistics-of-region");
    private static final String BELOW = SqlStatements.named("compare/statistics-below");

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
        return jdbc.query(OF_REGION, new MapSqlParameterSource("runId", runId).addValue("region", region),
                (rs, n) -> statistic(rs)).stream().findFirst();
    }

    /** The figures of the regions directly below a region: prefectures of the province, counties of a prefecture. */
    public List<RegionStatistic> below(long runId, String region) {
        String level = region.equals(provinceCode) ? "PREFECTURE" : "COUNTY";
        MapSqlParameterSource parameters = new MapSqlParameterSource("runId", runId).addValue("level", level)
                .addValue("region", region);
        return jdbc.query(BELOW, parameters, (rs, n) -> statistic(rs));
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
