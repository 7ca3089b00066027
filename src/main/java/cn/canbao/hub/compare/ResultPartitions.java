package cn.canbao.hub.compare;

import cn.canbao.hub.registry.SqlStatements;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A run's partition of comparison_result (V5): a load table without indexes that the classification fills, indexed
 * and attached once all its rows are in (the step {@code classify.index}), and dropped when the run is no longer
 * among the newest {@code canbao.compare.keep-runs} (the step {@code retention}).
 */
@Component
public class ResultPartitions {

    private static final String LOAD = SqlStatements.named("compare/results-load");
    private static final String INDEX_SETTINGS = SqlStatements.named("compare/results-index-settings");
    private static final String INDEX = SqlStatements.named("compare/results-index");
    private static final String RETAIN = SqlStatements.named("compare/results-retain");

    private final NamedParameterJdbcTemplate jdbc;
    private final ComparisonProperties properties;

    public ResultPartitions(NamedParameterJdbcTemplate jdbc, ComparisonProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** An empty load table for the run's results, in place of any a failed run left. */
    void begin(long runId) {
        jdbc.queryForObject(LOAD, new MapSqlParameterSource("runId", runId), String.class);
    }

    /** In the run's transaction: the load table's key and roster index, its statistics, then the run's partition. */
    void index(long runId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("runId", runId)
                .addValue("workMem", properties.workMem());
        jdbc.queryForObject(INDEX_SETTINGS, parameters, String.class);
        jdbc.queryForObject(INDEX, parameters, String.class);
    }

    /** @return the partitions dropped */
    int retain() {
        return jdbc.queryForObject(RETAIN, new MapSqlParameterSource("keep", properties.keepRuns()), Integer.class);
    }
}
