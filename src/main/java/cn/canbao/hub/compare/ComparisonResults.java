package cn.canbao.hub.compare;

import cn.canbao.hub.registry.SqlStatements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads stored comparison results: one person across the runs whose results are kept, or a run's duplicates. */
@Component
public class ComparisonResults {

    /** A person's result in one run; {@code reasons} is a list of reason objects (docs/comparison.md). */
    public record Result(long runId, LocalDate asOf, String idNumber, String category, List<String> flags,
                         List<String> unmet, List<String> missingSchemes, String exclusion, String county,
                         String township, Object reasons) {
    }

    private static final String OF_PERSON = SqlStatements.named("compare/results-of-person");
    private static final String DUPLICATES = SqlStatements.named("compare/results-duplicates");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public ComparisonResults(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's results in completed runs, newest first. */
    public List<Result> history(String idNumber) {
        return jdbc.query(OF_PERSON, new MapSqlParameterSource("idNumber", idNumber), (rs, n) -> result(rs));
    }

    /** Persons of a run flagged DUPLICATE (same scheme in two regions, 310 and 390, 110/120 and 170). */
    public List<Result> duplicates(long runId, int limit) {
        return jdbc.query(DUPLICATES, new MapSqlParameterSource("runId", runId).addValue("limit", limit),
                (rs, n) -> result(rs));
    }

    private Result result(ResultSet rs) throws SQLException {
        return new Result(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                list(rs.getString(5)), list(rs.getString(6)), list(rs.getString(7)), rs.getString(8),
                rs.getString(9), rs.getString(10), parse(rs.getString(11)));
    }

    static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    Object parse(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reasons are not JSON", e);
        }
    }
}
