package cn.canbao.hub.console;

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
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks and stores a posted survey result once per resultId (sql/console/survey-result.sql); a result that fails its
 * checks is kept in quarantine with the reasons, like every other record that reaches the hub.
 */
@Component
public class SurveyResultIntake {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    public record Outcome(String resultId, Status status, List<Remark> errors) {
    }

    private static final String STORE = SqlStatements.named("console/survey-result");

    private final NamedParameterJdbcTemplate jdbc;
    private final Quarantine quarantine;
    private final Standards standards;
    private final CodeTable schemes;
    private final ObjectMapper json;
    private final Clock clock;

    public SurveyResultIntake(NamedParameterJdbcTemplate jdbc, Quarantine quarantine, Standards standards,
                              ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.quarantine = quarantine;
        this.standards = standards;
        this.schemes = standards.codeTables().table("scheme");
        this.json = json;
        this.clock = clock;
    }

    public Outcome take(String body, String postedBy) throws JsonProcessingException {
        OffsetDateTime receivedAt = OffsetDateTime.now(clock);
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            return reject(null, body, receivedAt, List.of(new Remark(ErrorCode.RECORD_SYNTAX.name(), null,
                    "the body is not valid JSON: " + e.getOriginalMessage())));
        }
        String resultId = text(tree, "resultId");
        List<Remark> errors = new ArrayList<>();
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
        String phone = text(tree, "phone");
        if (phone != null && phone.length() > 30) {
            errors.add(new Remark(ErrorCode.FIELD_TOO_LONG.name(), "phone", "a phone number of at most 30 characters"));
        }
        if (!errors.isEmpty()) {
            return reject(resultId, body, receivedAt, errors);
        }
        try {
            jdbc.update(STORE, new MapSqlParameterSource("resultId", resultId).addValue("idNumber", id.idNumber())
                    .addValue("surveyorId", surveyorId).addValue("surveyedAt", Timestamp.from(surveyedAt.toInstant()))
                    .addValue("outcome", outcome).addValue("reason", reason)
                    .addValue("intendedSchemes", intended.toArray(String[]::new)).addValue("phone", phone)
                    .addValue("receivedAt", Timestamp.from(receivedAt.toInstant())).addValue("postedBy", postedBy));
        } catch (DuplicateKeyException e) {
            return new Outcome(resultId, Status.DUPLICATE, List.of());
        }
        return new Outcome(resultId, Status.ACCEPTED, List.of());
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
        return new Outcome(resultId, Status.REJECTED, errors);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()
                ? null : value.asText().strip();
    }
}
