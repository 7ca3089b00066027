package cn.canbao.hub.compare;

import cn.canbao.hub.registry.SqlStatements;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step {@code classify.results} of a run: every person of the registry classified and explained for the as-of
 * date (sql/compare/classify.sql) into the run's load table, in {@code canbao.compare.parallelism} disjoint parts
 * (by a hash of the identity number), each a statement of its own on its own connection, all at once. Each part
 * reads only its own persons' facts, so the parts share no work; the load table is not yet part of
 * comparison_result, so each part commits on its own, and a run that fails before its partition is attached shows
 * nothing of itself.
 */
@Component
public class Classification implements DisposableBean {

    private static final String SETTINGS = SqlStatements.named("compare/classify-settings");
    private static final String CLASSIFY = SqlStatements.named("compare/classify");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ComparisonProperties properties;
    private final RosterProperties rosterProperties;
    private final String regionPrefix;
    private final ExecutorService parts;

    public Classification(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                          ComparisonProperties properties, RosterProperties rosterProperties,
                          @Value("${canbao.region-prefix}") String regionPrefix) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.rosterProperties = rosterProperties;
        this.regionPrefix = regionPrefix;
        this.parts = Workers.pool(properties.parallelism(), "comparison-part");
    }

    /**
     * Classifies the population into the run's load table ({@link ResultPartitions#begin}).
     *
     * @return each part's own time ({@code classify.results.part0}, …): the step waits for the slowest, and a
     *         difference shows cores of unequal speed
     */
    StepTimes classify(long runId, LocalDate asOf, ComparisonProperties.Rules rules) {
        MapSqlParameterSource parameters = parameters(runId, asOf, rules);
        List<CompletableFuture<StepTimes>> running = IntStream.range(0, properties.parallelism())
                .mapToObj(part -> CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
                    jdbc.queryForMap(SETTINGS, parameters);
                    StepTimes partTime = new StepTimes();
                    partTime.time("classify.results.part" + part, () -> jdbc.update(CLASSIFY,
                            new MapSqlParameterSource(parameters.getValues()).addValue("part", part)));
                    return partTime;
                }), parts))
                .toList();
        Workers.join(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)));
        StepTimes partTimes = new StepTimes();
        running.forEach(part -> partTimes.addAll(part.join()));
        return partTimes;
    }

    private MapSqlParameterSource parameters(long runId, LocalDate asOf, ComparisonProperties.Rules rules) {
        LocalDate month = asOf.withDayOfMonth(1);
        return new MapSqlParameterSource("runId", runId)
                .addValue("asOf", asOf)
                .addValue("monthlyCutoff", month.minusMonths(rules.paymentWindowMonths()))
                .addValue("yearlyCutoff", month.minusMonths(rules.yearlyPaymentWindowMonths()))
                .addValue("adultBornBy", asOf.minusYears(rules.pensionAge()))
                .addValue("prefix", regionPrefix)
                .addValue("successorFrom", textArray(List.copyOf(rosterProperties.countySuccessors().keySet())))
                .addValue("successorTo", textArray(rosterProperties.countySuccessors().keySet().stream()
                        .map(rosterProperties.countySuccessors()::get).toList()))
                .addValue("parts", properties.parallelism())
                .addValue("workMem", properties.workMem());
    }

    /**
     * Codes bound as an SQL array: bound as the text of an array literal, {@code CAST(:codes AS text[])} is parsed
     * again for every row (PostgreSQL folds a cast into a constant only when its input function is immutable, and
     * array_in is not; docs/performance.md, "Third round").
     */
    private static String[] textArray(List<String> codes) {
        return codes.toArray(String[]::new);
    }

    @Override
    public void destroy() {
        parts.shutdownNow();
    }
}
