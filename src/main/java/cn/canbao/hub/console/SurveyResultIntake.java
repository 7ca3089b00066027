package cn.canbao.hub.console;

import cn.canbao.hub.compare.ComparisonRuns;
import cn.canbao.hub.compare.Statistics;
import cn.canbao.hub.connector.mapping.Standards;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.registry.Quarantine;
import cn.canbao.hub.registry.SqlStatements;
import cn.canbao.hub.standard.CodeTable;
import cn.canbao.hub.standard.ErrorCode;
import cn.canbao.hub.standard.IdNumberCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks and stores a posted survey result once per resultId (sql/console/survey-result.sql), and lets it take effect
 * in the same transaction (docs/survey.md): the person counts as surveyed in the figures of the latest run at once,
 * a DECEASED or MOVED_AWAY finding becomes a verification item, a FOUND_INSURED_ELSEWHERE one a mark for the national
 * comparison. A result that fails its checks, or repeats a resultId with other content, is kept in quarantine with
 * the reasons, like every other record that reaches the hub.
 */
@Component
public class SurveyResultIntake {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED, CONFLICT }

    /** The answer; {@code flags} holds {@value #NOT_ON_ROSTER} for a result taken about a person not on the roster. */
    public record Outcome(String resultId, Status status, List<Remark> errors, List<String> flags) {
    }

    /** The latest completed run did not roster the person when the result arrived. */
    public static final String NOT_ON_ROSTER = "NOT_ON_ROSTER";

    private static final String STORE = SqlStatements.named("console/survey-result");
    private static final String TAKEN = SqlStatements.named("console/survey-result-taken");
    private static final String PLACEMENT = SqlStatements.named("console/survey-placement");
    private static final String FIRST_OF_PERSON = SqlStatements.named("console/survey-person");
    private static final String OPEN_VERIFICATION = SqlStatements.named("console/survey-verification-open");
    private static final String MARK_FOR_NATIONAL = SqlStatements.named("console/national-compare-mark");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Quarantine quarantine;
    private final Standards standards;
    private final CodeTable schemes;
    private final ComparisonRuns runs;
    private final Statistics statistics;
    private final ObjectMapper json;
    private final Clock clock;

    public SurveyResultIntake(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, Quarantine quarantine,
                              Standards standards, ComparisonRuns runs, Statistics statistics, ObjectMapper json,
                              Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.quarantine = quarantine;
        this.standards = standards;
        this.schemes = standards.codeTables().table("scheme");
        this.runs = runs;
        this.statistics = statistics;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param postedBy the authenticated client (or API user) that posted the result
     * @param area     the regions it may post results about
     * @throws ApiException.Forbidden for a new result about a person whom the latest run placed outside the area
     */
    public Outcome take(String body, String postedBy, SurveyArea area) throws JsonProcessingException {
        OffsetDateTime receivedAt = OffsetDateTime.now(clock);
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            return reject(null, body, receivedAt, List.of(new Remark(ErrorCode.RECORD_SYNTAX.name(), null,
                    "the body is not valid JSON: " + e.getOriginalMessage())));
        }
        if (tree == null || !tree.isObject()) {
            return reject(null, body, receivedAt, List.of(new Remark(ErrorCode.RECORD_SYNTAX.name(), null,
                    "the body is not a JSON object")));
        }
        List<Remark> errors = new ArrayList<>();
        SurveyResult result = checked(tree, receivedAt, errors);
        if (!errors.isEmpty()) {
            boolean keyable = errors.stream().noneMatch(error -> "resultId".equals(error.field()));
            return reject(keyable ? result.resultId() : null, body, receivedAt, errors);
        }
        Optional<Taken> taken = taken(result.resultId());
        if (taken.isPresent()) {
            return again(result, postedBy, taken.get(), body, receivedAt);
        }
        Optional<Placement> placement = placement(result.idNumber());
        if (placement.isPresent() && placement.get().county() != null
                && !area.coversPerson(placement.get().county(), placement.get().township())) {
            throw new ApiException.Forbidden("the person is outside the regions of client " + postedBy);
        }
        List<String> flags = placement.filter(Placement::rostered).isPresent() ? List.of() : List.of(NOT_ON_ROSTER);
        boolean stored = Boolean.TRUE.equals(transaction.execute(status -> store(result, flags, postedBy,
                receivedAt)));
        if (!stored) {
            // the same resultId taken at the same moment by another request: answered as if it came after it
            return again(result, postedBy, taken(result.resultId()).orElseThrow(), body, receivedAt);
        }
        return new Outcome(result.resultId(), Status.ACCEPTED, List.of(), flags);
    }

    private SurveyResult checked(JsonNode tree, OffsetDateTime receivedAt, List<Remark> errors) {
        String resultId = text(tree, "resultId");
        if (resultId == null || resultId.length() > 64) {
            errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), "resultId", "a resultId of at most 64 characters"));
        }
        IdNumberCheck id = standards.identityNumbers().check(text(tree, "idNumber"));
        if (!id.ok()) {
            errors.add(new Remark(id.error().name(), "idNumber", id.message()));
        }
        String surveyorId = text(tree, "surveyorId");
        if (surveyorId == null || surveyorId.length() > 64) {
            errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), "surveyorId", "a surveyorId of at most 64 characters"));
        }
        OffsetDateTime surveyedAt = surveyedAt(text(tree, "surveyedAt"), receivedAt, errors);
        String outcome = member(tree, "outcome", SurveyResult.Outcome.values(), true, errors);
        String reason = member(tree, "reason", SurveyResult.Reason.values(), false, errors);
        List<String> intended = intendedSchemes(tree.path("intendedSchemes"), errors);
        if (SurveyResult.Outcome.ENROLLED_ON_SITE.name().equals(outcome) && intended.isEmpty()
                && errors.stream().noneMatch(error -> "intendedSchemes".equals(error.field()))) {
            errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), "intendedSchemes",
                    "an ENROLLED_ON_SITE result names the schemes the person was enrolled in"));
        }
        String phone = text(tree, "phone");
        if (phone != null && phone.length() > 30) {
            errors.add(new Remark(ErrorCode.FIELD_TOO_LONG.name(), "phone", "a phone number of at most 30 characters"));
        }
        return new SurveyResult(resultId, id.ok() ? id.idNumber() : null, surveyorId, surveyedAt, outcome, reason,
                intended, phone);
    }

    /** Stores a new result and what follows from it; false when its resultId was taken meanwhile. */
    private boolean store(SurveyResult result, List<String> flags, String postedBy, OffsetDateTime receivedAt) {
        Timestamp surveyedAt = Timestamp.from(result.surveyedAt().toInstant());
        Timestamp received = Timestamp.from(receivedAt.toInstant());
        MapSqlParameterSource parameters = new MapSqlParameterSource("resultId", result.resultId())
                .addValue("idNumber", result.idNumber()).addValue("surveyorId", result.surveyorId())
                .addValue("surveyedAt", surveyedAt).addValue("outcome", result.outcome())
                .addValue("reason", result.reason())
                .addValue("intendedSchemes", result.intendedSchemes().toArray(String[]::new))
                .addValue("phone", result.phone()).addValue("receivedAt", received).addValue("postedBy", postedBy)
                .addValue("flags", flags.toArray(String[]::new));
        if (jdbc.update(STORE, parameters) == 0) {
            return false;
        }
        if (jdbc.update(FIRST_OF_PERSON, parameters) == 1) {
            statistics.countFirstSurveyResult(result.idNumber());
        }
        switch (SurveyResult.Outcome.valueOf(result.outcome())) {
            case DECEASED, MOVED_AWAY -> jdbc.update(OPEN_VERIFICATION, parameters.addValue("openedAt", received));
            case FOUND_INSURED_ELSEWHERE -> jdbc.update(MARK_FOR_NATIONAL, parameters.addValue("markedAt", received));
            default -> {
                // ENROLLED_ON_SITE is pending until a scheme system states the participation: derived when read
            }
        }
        return true;
    }

    /** A resultId posted again: the same content from the same client is a duplicate, anything else a conflict. */
    private Outcome again(SurveyResult result, String postedBy, Taken taken, String body, OffsetDateTime receivedAt)
            throws JsonProcessingException {
        List<String> differing = new ArrayList<>();
        if (!taken.postedBy().equals(postedBy)) {
            differing.add("resultId");
        } else {
            SurveyResult first = taken.result();
            compare("idNumber", first.idNumber(), result.idNumber(), differing);
            compare("surveyorId", first.surveyorId(), result.surveyorId(), differing);
            compare("surveyedAt", first.surveyedAt().toInstant(), result.surveyedAt().toInstant(), differing);
            compare("outcome", first.outcome(), result.outcome(), differing);
            compare("reason", first.reason(), result.reason(), differing);
            compare("intendedSchemes", new TreeSet<>(first.intendedSchemes()),
                    new TreeSet<>(result.intendedSchemes()), differing);
            compare("phone", first.phone(), result.phone(), differing);
        }
        if (differing.isEmpty()) {
            return new Outcome(result.resultId(), Status.DUPLICATE, List.of(), taken.flags());
        }
        List<Remark> conflicts = differing.stream().map(field -> new Remark(ErrorCode.RESULT_ID_CONFLICT.name(),
                field, field.equals("resultId")
                        ? "resultId '" + result.resultId() + "' was taken from another client"
                        : field + " differs from the result taken under resultId '" + result.resultId()
                                + "', which stands")).toList();
        quarantine.keep(Quarantine.Entry.single("SURVEY", "survey-conflict:" + result.resultId() + ":"
                + digest(body), "survey result " + result.resultId() + " again, other content", body,
                json.writeValueAsString(conflicts), receivedAt), Quarantine.Earlier.KEPT);
        return new Outcome(result.resultId(), Status.CONFLICT, conflicts, List.of());
    }

    private static void compare(String field, Object first, Object again, List<String> differing) {
        if (!Objects.equals(first, again)) {
            differing.add(field);
        }
    }

    private record Taken(SurveyResult result, String postedBy, List<String> flags) {
    }

    private Optional<Taken> taken(String resultId) {
        return jdbc.query(TAKEN, new MapSqlParameterSource("resultId", resultId), (rs, n) -> new Taken(
                new SurveyResult(rs.getString("result_id"), rs.getString("id_number"), rs.getString("surveyor_id"),
                        rs.getObject("surveyed_at", OffsetDateTime.class), rs.getString("outcome"),
                        rs.getString("reason"), texts(rs, "intended_schemes"), rs.getString("phone")),
                rs.getString("posted_by"), texts(rs, "flags"))).stream().findFirst();
    }

    /** Where the latest completed run placed a person; empty when there is no run or the run does not know them. */
    private record Placement(String county, String township, boolean rostered) {
    }

    private Optional<Placement> placement(String idNumber) {
        return runs.latestCompleted().flatMap(run -> jdbc.query(PLACEMENT, new MapSqlParameterSource("runId",
                run.id()).addValue("idNumber", idNumber), (rs, n) -> new Placement(rs.getString("county"),
                rs.getString("township"), rs.getBoolean("rostered"))).stream().findFirst());
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static OffsetDateTime surveyedAt(String value, OffsetDateTime now, List<Remark> errors) {
        if (value == null) {
            errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), "surveyedAt", "surveyedAt is required"));
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value);
            if (at.isAfter(now.plusMinutes(10))) {
                errors.add(new Remark(ErrorCode.DATE_FORMAT.name(), "surveyedAt", "surveyedAt lies in the future"));
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new Remark(ErrorCode.DATE_FORMAT.name(), "surveyedAt",
                    "surveyedAt must be an ISO-8601 time with offset, e.g. 2017-10-15T09:30:00+08:00"));
            return null;
        }
    }

    private static String member(JsonNode tree, String field, Enum<?>[] values, boolean required, List<Remark> errors) {
        String value = text(tree, field);
        if (value == null) {
            if (required) {
                errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), field, field + " is required"));
            }
            return null;
        }
        if (Arrays.stream(values).noneMatch(v -> v.name().equals(value))) {
            errors.add(new Remark(ErrorCode.CODE_UNKNOWN.name(), field, "'" + value + "' is not one of "
                    + Arrays.toString(values)));
        }
        return value;
    }

    private List<String> intendedSchemes(JsonNode node, List<Remark> errors) {
        List<String> intended = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return intended;
        }
        if (!node.isArray()) {
            errors.add(new Remark(ErrorCode.RECORD_SYNTAX.name(), "intendedSchemes", "a list of scheme codes"));
            return intended;
        }
        node.forEach(scheme -> {
            if (schemes.contains(scheme.asText())) {
                intended.add(scheme.asText());
            } else {
                errors.add(new Remark(ErrorCode.CODE_UNKNOWN.name(), "intendedSchemes",
                        "'" + scheme.asText() + "' is not a scheme code (AAE140)"));
            }
        });
        return intended;
    }

    private Outcome reject(String resultId, String body, OffsetDateTime receivedAt, List<Remark> errors)
            throws JsonProcessingException {
        String key = resultId != null ? "survey:" + resultId : "survey-raw:" + Integer.toHexString(body.hashCode())
                + ":" + receivedAt.toInstant().toEpochMilli();
        quarantine.keep(Quarantine.Entry.single("SURVEY", key, "survey result " + resultId, body,
                json.writeValueAsString(errors), receivedAt), Quarantine.Earlier.KEPT);
        return new Outcome(resultId, Status.REJECTED, errors, List.of());
    }

    /** The first 16 hex digits of the body's SHA-256: a conflicting body kept once however often it is posted. */
    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()
                ? null : value.asText().strip();
    }
}
