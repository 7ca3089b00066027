package cn.canbao.hub.console;

import cn.canbao.hub.registry.SqlStatements;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the survey teams found, as the operators follow it up (docs/survey.md): the verification items of DECEASED
 * and MOVED_AWAY findings until POLICE confirms them or an operator closes them, the enrolments made on site until a
 * scheme system confirms them, and every result about a person.
 */
@Component
public class SurveyFindings {

    public enum VerificationStatus { OPEN, CONFIRMED, CLOSED }

    /**
     * A DECEASED or MOVED_AWAY finding to verify; {@code confirmingRecordId} and {@code confirmedAt} name the POLICE
     * record that confirmed it.
     */
    public record Verification(long id, String resultId, String idNumber, String outcome, OffsetDateTime surveyedAt,
                               VerificationStatus status, OffsetDateTime openedAt, Long confirmingRecordId,
                               OffsetDateTime confirmedAt, OffsetDateTime closedAt, String closedBy, String note) {
    }

    /** A scheme a surveyor enrolled the person in on site that no scheme system has stated since. */
    public record PendingEnrolment(String resultId, OffsetDateTime surveyedAt, String scheme) {
    }

    /** A survey result as the operators see it, with the client that posted it. */
    public record Result(String resultId, String surveyorId, String postedBy, OffsetDateTime surveyedAt,
                         OffsetDateTime receivedAt, String outcome, String reason, List<String> intendedSchemes,
                         List<String> flags) {
    }

    /** What the surveys found about one person; empty lists when nobody surveyed them. */
    public record OfPerson(List<Result> results, List<PendingEnrolment> pendingEnrolments,
                           List<Verification> verifications) {
    }

    private static final String VERIFICATIONS = SqlStatements.named("console/survey-verifications");
    private static final String CLOSE = SqlStatements.named("console/survey-verification-close");
    private static final String RESULTS_OF_PERSON = SqlStatements.named("console/survey-results-of-person");
    private static final String PENDING_ENROLMENTS = SqlStatements.named("console/pending-enrolments");

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public SurveyFindings(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Verification items oldest first, after item {@code afterId}, at most {@code limit}.
     *
     * @param status one status, or null for every status
     */
    public List<Verification> verifications(VerificationStatus status, long afterId, int limit) {
        return verifications(status, null, afterId, limit);
    }

    public Optional<Verification> verification(long id) {
        return verifications(null, null, id - 1, 1).stream().filter(item -> item.id() == id).findFirst();
    }

    /** An operator closes an item; one closed before stays as it was closed. Empty for an unknown item. */
    Optional<Verification> close(long id, String operator, String note) {
        jdbc.update(CLOSE, new MapSqlParameterSource("id", id).addValue("closedAt", Timestamp.from(clock.instant()))
                .addValue("closedBy", operator).addValue("note", note));
        return verification(id);
    }

    public OfPerson of(String idNumber) {
        MapSqlParameterSource person = new MapSqlParameterSource("idNumber", idNumber);
        List<Result> results = jdbc.query(RESULTS_OF_PERSON, person, (rs, n) -> new Result(
                rs.getString("result_id"), rs.getString("surveyor_id"), rs.getString("posted_by"),
                rs.getObject("surveyed_at", OffsetDateTime.class), rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("outcome"), rs.getString("reason"), texts(rs, "intended_schemes"), texts(rs, "flags")));
        if (results.isEmpty()) {
            return new OfPerson(List.of(), List.of(), List.of());
        }
        List<PendingEnrolment> pending = jdbc.query(PENDING_ENROLMENTS, person, (rs, n) -> new PendingEnrolment(
                rs.getString("result_id"), rs.getObject("surveyed_at", OffsetDateTime.class), rs.getString("scheme")));
        return new OfPerson(results, pending, verifications(null, idNumber, 0, Integer.MAX_VALUE));
    }

    private List<Verification> verifications(VerificationStatus status, String idNumber, long afterId, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("status", status == null ? null : status.name(), Types.VARCHAR)
                .addValue("idNumber", idNumber, Types.VARCHAR).addValue("afterId", afterId).addValue("limit", limit);
        return jdbc.query(VERIFICATIONS, parameters, (rs, n) -> new Verification(rs.getLong("id"),
                rs.getString("result_id"), rs.getString("id_number"), rs.getString("outcome"),
                rs.getObject("surveyed_at", OffsetDateTime.class), VerificationStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_at", OffsetDateTime.class), (Long) rs.getObject("confirming_record_id"),
                rs.getObject("confirmed_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("closed_by"), rs.getString("note")));
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
