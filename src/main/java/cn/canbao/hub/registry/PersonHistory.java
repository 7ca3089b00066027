package cn.canbao.hub.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One person as the registry sees them: the merged view (now, or as the registry knew it before a moment in the
 * past, merged by the rules of the refresh), the conflicts between sources, and every record any source sent about
 * them, current or not (sql/registry/history/).
 */
@Component
public class PersonHistory {

    /** The merged view; each *System field says which source the value came from. */
    public record MergedPerson(String idNumber, String name, String nameSystem, String sex, String sexSystem,
                               String ethnicity, LocalDate birthDate, String birthDateSystem,
                               String populationCategory, String householdRegion, String residenceRegion,
                               String vitalStatus, String address, LocalDate statusChangedOn, Long policeRecordId,
                               List<String> systems) {
    }

    /** Sources that disagree on a field: [{system, value, sourceRecordId}] in precedence order. */
    public record Conflict(String field, Object statements) {
    }

    /** A record as a source sent it; {@code current} when it is what that source says now. */
    public record SourceRecord(long id, String system, String sourceKey, String operation,
                               OffsetDateTime receivedAt, boolean current, Object payload) {
    }

    private static final String PERSON = SqlStatements.named("registry/history/person");
    private static final String PERSON_KNOWN_BEFORE = SqlStatements.named("registry/history/person-known-before");
    private static final String CONFLICTS = SqlStatements.named("registry/history/conflicts");
    private static final String CONFLICTS_KNOWN_BEFORE = SqlStatements.named("registry/history/conflicts-known-before");
    private static final String RECORDS = SqlStatements.named("registry/history/records");

    private final NamedParameterJdbcTemplate jdbc;
    private final SourcePrecedence precedence;
    private final ObjectMapper json = new ObjectMapper();

    public PersonHistory(NamedParameterJdbcTemplate jdbc, SourcePrecedence precedence) {
        this.jdbc = jdbc;
        this.precedence = precedence;
    }

    public Optional<MergedPerson> merged(String idNumber) {
        return jdbc.query(PERSON, new MapSqlParameterSource("idNumber", idNumber), (rs, n) -> merged(rs)).stream()
                .findFirst();
    }

    /** The merged view from the records received before {@code cutoff}, by the same rules as the current one. */
    public Optional<MergedPerson> mergedBefore(String idNumber, OffsetDateTime cutoff) {
        return jdbc.query(PERSON_KNOWN_BEFORE, knownBefore(idNumber, cutoff), (rs, n) -> merged(rs)).stream()
                .findFirst();
    }

    public List<Conflict> conflicts(String idNumber) {
        return jdbc.query(CONFLICTS, new MapSqlParameterSource("idNumber", idNumber),
                (rs, n) -> new Conflict(rs.getString(1), parse(rs.getString(2))));
    }

    public List<Conflict> conflictsBefore(String idNumber, OffsetDateTime cutoff) {
        return jdbc.query(CONFLICTS_KNOWN_BEFORE, knownBefore(idNumber, cutoff),
                (rs, n) -> new Conflict(rs.getString(1), parse(rs.getString(2))));
    }

    /** Every record about the person received before {@code cutoff} (all of them when null), oldest first. */
    public List<SourceRecord> records(String idNumber, OffsetDateTime cutoff) {
        return jdbc.query(RECORDS, new MapSqlParameterSource("idNumber", idNumber).addValue("cutoff", cutoff),
                (rs, n) -> new SourceRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6), parse(rs.getString(7))));
    }

    private MapSqlParameterSource knownBefore(String idNumber, OffsetDateTime cutoff) {
        return new MapSqlParameterSource("idNumber", idNumber).addValue("cutoff", cutoff)
                .addValue("precedence", precedence.asSqlList());
    }

    private static MergedPerson merged(ResultSet rs) throws SQLException {
        long police = rs.getLong(15);
        boolean noPolice = rs.wasNull();
        Array systems = rs.getArray(16);
        return new MergedPerson(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getObject(14, LocalDate.class),
                noPolice ? null : police, Arrays.asList((String[]) systems.getArray()));
    }

    private Object parse(String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds no JSON", e);
        }
    }
}
