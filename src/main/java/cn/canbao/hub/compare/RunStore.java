package cn.canbao.hub.compare;

import cn.canbao.hub.registry.SqlStatements;
import cn.canbao.hub.standard.Schemes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored runs (comparison_run): each with its as-of date, trigger, the rules it applied and their version,
 * status, counts and the milliseconds of its steps.
 */
@Component
public class RunStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String INTERRUPTED = SqlStatements.named("compare/runs-interrupted");
    private static final String BEGIN = SqlStatements.named("compare/runs-begin");
    private static final String FINISH = SqlStatements.named("compare/runs-finish");
    private static final String RUNS = SqlStatements.named("compare/runs");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public RunStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new run, RUNNING; a run still marked RUNNING was cut short by a stop of the hub and is marked FAILED first.
     * Only the holder of the run lock may call this.
     *
     * @return the run's id
     */
    long begin(LocalDate asOf, String trigger, ComparisonProperties.Rules rules) {
        jdbc.update(INTERRUPTED, new MapSqlParameterSource());
        String rulesJson = write(applied(rules));
        return jdbc.queryForObject(BEGIN, new MapSqlParameterSource("asOf", asOf).addValue("trigger", trigger)
                .addValue("rulesVersion", version(rulesJson)).addValue("rules", rulesJson), Long.class);
    }

    void finish(long runId, String status, long durationMs, Map<String, Object> counts, StepTimes steps,
                String error) {
        jdbc.update(FINISH, new MapSqlParameterSource("status", status).addValue("id", runId)
                .addValue("durationMs", durationMs).addValue("counts", write(counts))
                .addValue("steps", write(steps.asMap())).addValue("error", error));
    }

    public Optional<ComparisonRuns.Run> find(long id) {
        return runs(id, false, 1).stream().findFirst();
    }

    /** The newest runs first. */
    public List<ComparisonRuns.Run> list(int limit) {
        return runs(null, false, limit);
    }

    public Optional<ComparisonRuns.Run> latestCompleted() {
        return runs(null, true, 1).stream().findFirst();
    }

    private List<ComparisonRuns.Run> runs(Long id, boolean completedOnly, int limit) {
        return jdbc.query(RUNS, new MapSqlParameterSource("id", id).addValue("completedOnly", completedOnly)
                .addValue("limit", limit), (rs, n) -> run(rs));
    }

    /**
     * The rules as a run stores them: the configured windows and age, and the yearly paid schemes of the scheme
     * definition, which were configuration until decision 0006 and stay in the JSON, so that the same rules keep
     * the same version across that change.
     */
    private static Map<String, Object> applied(ComparisonProperties.Rules rules) {
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("paymentWindowMonths", rules.paymentWindowMonths());
        applied.put("yearlyPaymentWindowMonths", rules.yearlyPaymentWindowMonths());
        applied.put("yearlyPaidSchemes", Schemes.programme().schemes().stream().filter(Schemes.Scheme::paidYearly)
                .map(Schemes.Scheme::code).toList());
        applied.put("pensionAge", rules.pensionAge());
        return applied;
    }

    /** The first 16 hex digits of the SHA-256 of the rules' JSON: equal rules, equal version. */
    private static String version(String rulesJson) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(rulesJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private ComparisonRuns.Run run(ResultSet rs) throws SQLException {
        return new ComparisonRuns.Run(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
                rs.getString("trigger"), rs.getString("rules_version"), map(rs.getString("rules")),
                rs.getString("status"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getObject("duration_ms", Long.class),
                map(rs.getString("counts")), map(rs.getString("steps")), rs.getString("error"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private Map<String, Object> map(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run data is not JSON", e);
        }
    }
}
