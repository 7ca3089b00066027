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
 * (spec §6), and moves with each person's first result at once, without waiting for the next run. Each rate is
 * shown with the plan's target ({@code canbao.statistics.targets}).
 */
@Component
public class Statistics {

    /**
     * One region's figures in one run; a rate is null where its denominator is 0, a target where the plan sets
     * none.
     */
    public record RegionStatistic(long runId, String level, String region, long persons, long excluded,
                                  long uninsured, long lapsed, long partial, long insured, long notInPopulation,
                                  long pensionExpected, long pensionMet, long medicalExpected, long medicalMet,
                                  long rostered, long surveyed, Double pensionRate, Double pensionTarget,
                                  Double medicalRate, Double medicalTarget, Double surveyRate, Double surveyTarget) {

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
    private static final String LOCK = SqlStatements.named("compare/statistics-lock");
    private static final String COUNT_SURVEYED_LOCK = SqlStatements.named("compare/statistics-count-surveyed-lock");
    private static final String COUNT_SURVEYED = SqlStatements.named("compare/statistics-count-surveyed");

    /** "canbaoS" in ASCII: the advisory lock between a run's figures and the survey results counted into them. */
    private static final long SURVEYED_LOCK_KEY = 0x63616e62616f53L;

    private final NamedParameterJdbcTemplate jdbc;
    private final String provinceCode;
    private final StatisticsProperties.Targets targets;

    public Statistics(NamedParameterJdbcTemplate jdbc, @Value("${canbao.province-code}") String provinceCode,
                      StatisticsProperties properties) {
        this.jdbc = jdbc;
        this.provinceCode = provinceCode;
        this.targets = properties.targets();
    }

    /**
     * Computes a run's figures in one pass over its results; returns the province's. In the caller's transaction,
     * which holds the surveyed-persons lock from here until it commits (sql/compare/statistics-lock.sql).
     */
    RegionStatistic compute(long runId) {
        jdbc.queryForObject(LOCK, new MapSqlParameterSource("key", SURVEYED_LOCK_KEY), Object.class);
        List<RegionStatistic> figures = jdbc.query(COMPUTE, new MapSqlParameterSource("runId", runId)
                .addValue("province", provinceCode), (rs, n) -> statistic(rs, targets));
        jdbc.batchUpdate(INSERT, figures.stream().map(SimplePropertySqlParameterSource::new)
                .toArray(SqlParameterSource[]::new));
        return figures.stream().filter(figure -> figure.level().equals("PROVINCE")).findFirst().orElseThrow();
    }

    /**
     * Counts a person's first survey result (the caller just recorded it, in the transaction it runs this in) as
     * one more surveyed person of their county, prefecture and the province, in the latest completed run and any
     * newer run whose figures are written already, wherever that run rostered them.
     */
    public void countFirstSurveyResult(String idNumber) {
        jdbc.queryForObject(COUNT_SURVEYED_LOCK, new MapSqlParameterSource("key", SURVEYED_LOCK_KEY), Object.class);
        jdbc.update(COUNT_SURVEYED, new MapSqlParameterSource("idNumber", idNumber).addValue("province", provinceCode));
    }

    /** The figures of a region (province, prefecture or county code) in a run. */
    public Optional<RegionStatistic> of(long runId, String region) {
        return jdbc.query(OF_REGION, new MapSqlParameterSource("runId", runId).addValue("region", region),
                (rs, n) -> statistic(rs, targets)).stream().findFirst();
    }

    /** The figures of the regions directly below a region: prefectures of the province, counties of a prefecture. */
    public List<RegionStatistic> below(long runId, String region) {
        String level = region.equals(provinceCode) ? "PREFECTURE" : "COUNTY";
        MapSqlParameterSource parameters = new MapSqlParameterSource("runId", runId).addValue("level", level)
                .addValue("region", region);
        return jdbc.query(BELOW, parameters, (rs, n) -> statistic(rs, targets));
    }

    private static RegionStatistic statistic(ResultSet rs, StatisticsProperties.Targets targets)
            throws SQLException {
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
                targets.pension(), rate(medicalMet, medicalExpected), targets.medical(), rate(surveyed, rostered),
                targets.survey());
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
