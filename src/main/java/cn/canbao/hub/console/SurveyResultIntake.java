package cn.canbao.hub.console;

import static java.nio.charset.StandardCharsets.UTF_8;

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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
    /** Reads one JSON value and refuses anything after it: a second object would otherwise be dropped silently. */
    private final ObjectReader reader;
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
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.clock = clock;
    }

    /**
     * @param postedBy the authenticated client (or API user) that posted the result
     * @param area     the regions it may post results about
     * @throws ApiException.Forbidden for a new result about a person whom the latest run placed outside the area
     */
    public Outcome take(byte[] bytes, String postedBy, SurveyArea area) throws JsonProcessingException {
        OffsetDateTime receivedAt = OffsetDateTime.now(clock);
        if (bytes == null || bytes.length == 0) {
            return reject(null, "", receivedAt, List.of(new Remark(ErrorCode.RECORD_SYNTAX.name(), null,
                    "the body is empty")));
        }
        String body;
        try {
            body = UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // kept with replacement characters in quarantine only, to show the operators what arrived
            return reject(null, new String(bytes, UTF_8), receivedAt, List.of(new Remark(
                    ErrorCode.RECORD_SYNTAX.name(), null, "the body is not UTF-8, which JSON is (RFC 8259)")));
        }
        JsonNode tree;
        try {
            tree = reader.readTree(body);
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
        String resultId = limited(tree, "resultId", 64, true, errors);
        IdNumberCheck id = standards.identityNumbers().check(text(tree, "idNumber", errors));
        if (!id.ok() && !named("idNumber", errors)) {
            errors.add(new Remark(id.error().name(), "idNumber", id.message()));
        }
        String surveyorId = limited(tree, "surveyorId", 64, true, errors);
        OffsetDateTime surveyedAt = surveyedAt(tree, receivedAt, errors);
        String outcome = member(tree, "outcome", SurveyResult.Outcome.values(), true, errors);
        String reason = member(tree, "reason", SurveyResult.Reason.values(), false, errors);
        List<String> intended = intendedSchemes(tree.path("intendedSchemes"), errors);
        if (SurveyResult.Outcome.ENROLLED_ON_SITE.name().equals(outcome) && intended.isEmpty()
                && errors.stream().noneMatch(error -> "intendedSchemes".equals(error.field()))) {
            errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), "intendedSchemes",
                    "an ENROLLED_ON_SITE result names the schemes the person was enrolled in"));
        }
        String phone = limited(tree, "phone", 30, false, errors);
        return new SurveyResult(resultId, id.ok() ? id.idNumber() : null, surveyorId, surveyedAt, outcome, reason,
                intended, phone);
    }

    /** Stores a new result and what follows from it; false when its resultId was taken meanwhile. */
    private boolean store(SurveyResult result, List<String> flags, String postedBy, OffsetDateTime receivedAt) {
        // java.time values, not java.sql.Timestamp: a Timestamp is written in the Julian calendar before 1582, which
        // PostgreSQL reads as Gregorian (0001-01-01 was stored as 0001-01-03)
        MapSqlParameterSource parameters = new MapSqlParameterSource("resultId", result.resultId())
                .addValue("idNumber", result.idNumber()).addValue("surveyorId", result.surveyorId())
                .addValue("surveyedAt", result.surveyedAt()).addValue("outcome", result.outcome())
                .addValue("reason", result.reason())
                .addValue("intendedSchemes", result.intendedSchemes().toArray(String[]::new))
                .addValue("phone", result.phone()).addValue("receivedAt", receivedAt).addValue("postedBy", postedBy)
                .addValue("flags", flags.toArray(String[]::new));
        if (jdbc.update(STORE, parameters) == 0) {
            return false;
        }
        if (jdbc.update(FIRST_OF_PERSON, parameters) == 1) {
            statistics.countFirstSurveyResult(result.idNumber());
        }
        switch (SurveyResult.Outcome.valueOf(result.outcome())) {
            case DECEASED, MOVED_AWAY -> jdbc.update(OPEN_VERIFICATION, parameters.addValue("openedAt", receivedAt));
            case FOUND_INSURED_ELSEWHERE -> jdbc.update(MARK_FOR_NATIONAL, parameters.addValue("markedAt", receivedAt));
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

    private static OffsetDateTime surveyedAt(JsonNode tree, OffsetDateTime now, List<Remark> errors) {
        String value = text(tree, "surveyedAt", errors);
        if (value == null) {
            if (!named("surveyedAt", errors)) {
                errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), "surveyedAt", "surveyedAt is required"));
            }
            return null;
        }
        try {
            // PostgreSQL keeps microseconds: a finer time would be stored rounded, and the same result posted again
            // would differ from it
            OffsetDateTime at = OffsetDateTime.parse(value).truncatedTo(ChronoUnit.MICROS);
            if (at.getYear() < 1 || at.getYear() > 9999) {
                // an expanded year (ISO 8601 allows it by agreement only) or one before the Common Era: no survey
                // was made then, and such a value is a client's bug rather than a time
                errors.add(new Remark(ErrorCode.DATE_FORMAT.name(), "surveyedAt",
                        "surveyedAt must lie in the years 0001 to 9999"));
            } else if (at.isAfter(now.plusMinutes(10))) {
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
        String value = text(tree, field, errors);
        if (value == null) {
            if (required && !named(field, errors)) {
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
            if (!scheme.isTextual() || !storable(scheme.asText())) {
                errors.add(new Remark(ErrorCode.RECORD_SYNTAX.name(), "intendedSchemes",
                        "a list of scheme codes, each a JSON string of printable characters"));
            } else if (schemes.contains(scheme.asText())) {
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
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** A text field of at most {@code maxLength} characters; FIELD_MISSING when required and not given. */
    private static String limited(JsonNode tree, String field, int maxLength, boolean required,
                                  List<Remark> errors) {
        String value = text(tree, field, errors);
        if (value == null && required && !named(field, errors)) {
            errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), field, field + " is required"));
        } else if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            errors.add(new Remark(ErrorCode.FIELD_TOO_LONG.name(), field,
                    field + " has more than " + maxLength + " characters"));
        }
        return value;
    }

    /**
     * The field's text, stripped; null when it is not given (absent, null or blank). A value that is no JSON string
     * (a number, a list) or that holds a control character or half of a surrogate pair is a RECORD_SYNTAX error
     * naming the field: taking the text of a list would drop the field silently, and PostgreSQL stores a NUL not at
     * all and a lone surrogate as '?', so that the same result posted again would no longer equal its stored self.
     */
    private static String text(JsonNode node, String field, List<Remark> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
        if (!value.isTextual() || text != null && !storable(text)) {
            errors.add(new Remark(ErrorCode.RECORD_SYNTAX.name(), field,
                    field + " must be a JSON string of printable characters"));
            return null;
        }
        return text;
    }

    /** No control character (NUL among them) and no half of a surrogate pair. */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean named(String field, List<Remark> errors) {
        return errors.stream().anyMatch(error -> field.equals(error.field()));
    }
}
