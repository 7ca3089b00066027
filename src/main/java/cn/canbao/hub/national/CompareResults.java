package cn.canbao.hub.national;

import cn.canbao.hub.model.CanonicalJson;
import cn.canbao.hub.model.NationalEnvelope;
import cn.canbao.hub.standard.RegionCodes;
import cn.canbao.hub.standard.Regions;
import cn.canbao.hub.standard.Schemes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the messages of the national system from {@code canbao.in.national} (route national-in): a COMPARE_RESULT
 * is matched to its COMPARE_REQUEST by its correlationId and applied in one transaction — each person's result
 * replaces that person's earlier national answer, which the next comparison run reads (spec §8). Anything else is
 * parked with its {@link ParkReason} and acknowledged: never dropped silently, never tried again by itself. Only a
 * failure of the hub's own (its database) fails the delivery, which the broker then redelivers a bounded number of
 * times before its dead-letter queue.
 */
@Component("compareResults")
public class CompareResults {

    private static final Logger log = LoggerFactory.getLogger(CompareResults.class);
    private static final JsonSchema ENVELOPE_SCHEMA = schema();
    private static final ObjectReader STRICT_JSON = CanonicalJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> CONTRIBUTION_STATUSES = Set.of("1", "2", "3");

    /** What became of one message. */
    public record Outcome(ParkReason parked, String detail, int persons) {

        static Outcome park(ParkReason reason, String detail) {
            return new Outcome(reason, detail, 0);
        }

        public boolean applied() {
            return parked == null;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String provinceCode;
    private final RegionCodes regions;
    private final Set<String> schemes;
    private final Clock clock = Clock.systemUTC();

    public CompareResults(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                          @Value("${canbao.province-code}") String provinceCode,
                          @Value("${canbao.region-prefix}") String regionPrefix) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.provinceCode = provinceCode;
        this.regions = new RegionCodes(Regions.standard(), regionPrefix);
        this.schemes = Set.copyOf(Schemes.programme().codes());
    }

    /** The route's step: the JMS message in, applied or parked. */
    public void take(Exchange exchange) {
        Message message = exchange.getMessage();
        String jmsMessageId = message.getHeader("JMSMessageID", String.class);
        Object body = message.getBody();
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : body == null ? new byte[0] : message.getBody(byte[].class);
        receive(jmsMessageId == null ? "none-" + UUID.randomUUID() : jmsMessageId, bytes);
    }

    /** Applies or parks one message by its JMS message id and bytes. */
    private Outcome receive(String jmsMessageId, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String asText = new String(bytes, StandardCharsets.UTF_8);
            return park(jmsMessageId, asText, null, Outcome.park(ParkReason.MALFORMED_JSON, "not UTF-8 text"));
        }
        JsonNode tree;
        try {
            tree = STRICT_JSON.readTree(text);
        } catch (IOException e) {
            return park(jmsMessageId, text, null, Outcome.park(ParkReason.MALFORMED_JSON, "not JSON: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage())));
        }
        if (tree == null || tree.isMissingNode()) {
            return park(jmsMessageId, text, null, Outcome.park(ParkReason.MALFORMED_JSON, "not JSON: empty"));
        }
        Set<ValidationMessage> problems = ENVELOPE_SCHEMA.validate(tree);
        if (!problems.isEmpty()) {
            return park(jmsMessageId, text, tree, Outcome.park(ParkReason.NOT_AN_ENVELOPE, problems.stream()
                    .map(ValidationMessage::getMessage).sorted().limit(10).collect(Collectors.joining("; "))));
        }
        NationalEnvelope envelope;
        try {
            envelope = CanonicalJson.mapper().treeToValue(tree, NationalEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return park(jmsMessageId, text, tree, Outcome.park(ParkReason.NOT_AN_ENVELOPE,
                    "header.sentAt is not an ISO-8601 timestamp with offset: " + e.getMessage()));
        }
        Outcome outcome = judgeAndApply(envelope);
        if (!outcome.applied()) {
            return park(jmsMessageId, text, tree, outcome);
        }
        log.info("COMPARE_RESULT {} for request {} applied: {} persons", envelope.header().messageId(),
                envelope.header().correlationId(), outcome.persons());
        return outcome;
    }

    private Outcome judgeAndApply(NationalEnvelope envelope) {
        NationalEnvelope.Header header = envelope.header();
        if (!NationalEnvelope.COMPARE_RESULT.equals(header.messageType())) {
            return Outcome.park(ParkReason.UNKNOWN_MESSAGE_TYPE, "messageType " + header.messageType()
                    + ": the hub takes only COMPARE_RESULT from the national system");
        }
        if (!provinceCode.equals(header.receiver())) {
            return Outcome.park(ParkReason.WRONG_RECEIVER, "receiver " + header.receiver()
                    + " is not this province, " + provinceCode);
        }
        String requestId = requestOf(header.correlationId());
        if (requestId == null) {
            return Outcome.park(ParkReason.UNKNOWN_CORRELATION, "correlationId " + header.correlationId()
                    + " names no COMPARE_REQUEST the hub sent");
        }
        if (seen(header.messageId())) {
            return Outcome.park(ParkReason.DUPLICATE_RESULT, "COMPARE_RESULT " + header.messageId()
                    + " was applied already");
        }
        Map<String, List<Row>> results = new LinkedHashMap<>();
        List<String> badCodes = new ArrayList<>();
        for (JsonNode result : envelope.body().get("results")) {
            String idNumber = result.get("idNumber").asText();
            List<Row> rows = new ArrayList<>();
            for (JsonNode row : result.get("insuredElsewhere")) {
                Row parsed = new Row(row.get("province").asText(), row.get("scheme").asText(),
                        row.get("status").asText());
                badCodes.addAll(unknownCodes(parsed));
                rows.add(parsed);
            }
            results.computeIfAbsent(idNumber, id -> new ArrayList<>()).addAll(rows);
        }
        if (!badCodes.isEmpty()) {
            return Outcome.park(ParkReason.UNKNOWN_CODE, String.join("; ", new TreeSet<>(badCodes)));
        }
        Set<String> notAsked = notAsked(requestId, results.keySet());
        if (!notAsked.isEmpty()) {
            return Outcome.park(ParkReason.NUMBER_NOT_ASKED, notAsked.size()
                    + " identity numbers the request did not ask about");
        }
        return transaction.execute(status -> apply(header.messageId(), requestId, results));
    }

    private record Row(String province, String scheme, String status) {
    }

    private List<String> unknownCodes(Row row) {
        List<String> unknown = new ArrayList<>();
        if (!schemes.contains(row.scheme())) {
            unknown.add("scheme " + row.scheme() + " is not a code of table scheme (AAE140)");
        }
        if (!row.province().matches("[0-9]{2}0000") || !regions.check(row.province()).ok()) {
            unknown.add("province " + row.province() + " is not a province code of GB/T 2260");
        }
        if (!CONTRIBUTION_STATUSES.contains(row.status())) {
            unknown.add("status " + row.status() + " is not a code of table contribution status (AAC031)");
        }
        return unknown;
    }

    private String requestOf(String correlationId) {
        if (correlationId == null) {
            return null;
        }
        try {
            UUID.fromString(correlationId);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
        List<Map<String, Object>> request = jdbc.queryForList(statement("request-of-result"),
                Map.of("correlationId", correlationId));
        return request.isEmpty() ? null : request.get(0).get("message_id").toString();
    }

    private boolean seen(String resultMessageId) {
        Long applied = jdbc.queryForObject(statement("result-seen"), Map.of("resultMessageId", resultMessageId),
                Long.class);
        return applied != null && applied > 0;
    }

    private Set<String> notAsked(String requestId, Set<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return Set.of();
        }
        Set<String> asked = new HashSet<>(jdbc.queryForList(statement("numbers-asked"),
                Map.of("requestMessageId", requestId, "idNumbers", idNumbers), String.class));
        Set<String> notAsked = new TreeSet<>(idNumbers);
        notAsked.removeAll(asked);
        return notAsked;
    }

    private Outcome apply(String resultMessageId, String requestId, Map<String, List<Row>> results) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        MapSqlParameterSource result = new MapSqlParameterSource("resultMessageId", resultMessageId)
                .addValue("requestMessageId", requestId)
                .addValue("persons", results.size())
                .addValue("now", now);
        if (jdbc.update(statement("result-applied"), result) == 0) {
            return Outcome.park(ParkReason.DUPLICATE_RESULT, "COMPARE_RESULT " + resultMessageId
                    + " was applied already");
        }
        if (!results.isEmpty()) {
            jdbc.update(statement("answers-clear"), Map.of("idNumbers", results.keySet()));
            List<SqlParameterSource> rows = new ArrayList<>();
            List<SqlParameterSource> answers = new ArrayList<>();
            results.forEach((idNumber, insured) -> {
                answers.add(new MapSqlParameterSource(result.getValues()).addValue("idNumber", idNumber));
                insured.forEach(row -> rows.add(new MapSqlParameterSource(result.getValues())
                        .addValue("idNumber", idNumber).addValue("province", row.province())
                        .addValue("scheme", row.scheme()).addValue("status", row.status())));
            });
            jdbc.batchUpdate(statement("answer-row"), rows.toArray(SqlParameterSource[]::new));
            jdbc.batchUpdate(statement("answer"), answers.toArray(SqlParameterSource[]::new));
        }
        jdbc.update(statement("request-answered"), result);
        return new Outcome(null, null, results.size());
    }

    private Outcome park(String jmsMessageId, String text, JsonNode tree, Outcome outcome) {
        JsonNode header = tree == null ? null : tree.path("header");
        jdbc.update(statement("park"), new MapSqlParameterSource("jmsMessageId", jmsMessageId)
                .addValue("now", OffsetDateTime.now(clock))
                .addValue("reason", outcome.parked().name())
                .addValue("detail", storable(outcome.detail()))
                .addValue("messageId", header == null ? null : textOrNull(header.path("messageId"), 64))
                .addValue("messageType", header == null ? null : textOrNull(header.path("messageType"), 40))
                .addValue("body", storable(text)));
        log.warn("Message {} from the national system parked: {} ({})", jmsMessageId, outcome.parked(),
                outcome.detail());
        return outcome;
    }

    private static String textOrNull(JsonNode node, int maxLength) {
        if (!node.isTextual()) {
            return null;
        }
        String text = storable(node.asText());
        return text.length() > maxLength ? text.substring(0, maxLength) : text;
    }

    /** PostgreSQL refuses a NUL character in text: kept as the six characters of its JSON escape. */
    private static String storable(String text) {
        return text.replace("\u0000", "\\u0000");
    }

    private static String statement(String name) {
        return CompareRequests.statement(name);
    }

    private static JsonSchema schema() {
        try (InputStream in = CompareResults.class.getResourceAsStream("/schema/national-envelope-v1.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
