package cn.canbao.hub.national;

import cn.canbao.hub.model.CanonicalJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** What the national exchange shows an operator: requests by status, parked messages, a person's national answer. */
@Component
public class NationalStatus {

    /** COMPARE_REQUESTs of one status: messages and the persons they asked about. */
    public record StatusCount(long messages, long persons) {
    }

    /** The requests of one comparison run. */
    public record RunRequests(long runId, OffsetDateTime writtenAt, long persons, int messages, long answered,
                              long expired) {
    }

    public record Requests(Map<String, StatusCount> byStatus, List<RunRequests> runs) {
    }

    public record ParkedMessage(long id, OffsetDateTime parkedAt, String reason, String detail, String messageId,
                                String messageType, String body) {
    }

    public record Parked(Map<String, Long> byReason, List<ParkedMessage> latest) {
    }

    /**
     * A person's latest national answer.
     *
     * @param insuredElsewhere the rows of the answer; empty: insured in no other province
     */
    public record Answer(String resultMessageId, String requestMessageId, OffsetDateTime answeredAt,
                         List<InsuredElsewhere> insuredElsewhere) {
    }

    /** A scheme the national system says a person holds in a province, with its contribution status (AAC031). */
    public record InsuredElsewhere(String province, String scheme, String status) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public NationalStatus(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Requests requests(int runs) {
        Map<String, StatusCount> byStatus = new LinkedHashMap<>();
        for (String status : List.of("SENT", "ANSWERED", "EXPIRED")) {
            byStatus.put(status, new StatusCount(0, 0));
        }
        jdbc.query(statement("requests-by-status"), Map.of(), row -> {
            byStatus.put(row.getString("status"), new StatusCount(row.getLong("messages"), row.getLong("persons")));
        });
        List<RunRequests> ofRuns = jdbc.query(statement("requests-of-runs"), Map.of("limit", runs),
                (row, n) -> new RunRequests(row.getLong("run_id"), row.getObject("written_at", OffsetDateTime.class),
                        row.getLong("persons"), row.getInt("messages"), row.getLong("answered"),
                        row.getLong("expired")));
        return new Requests(byStatus, ofRuns);
    }

    public Parked parked(int limit) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        jdbc.query(statement("parked-by-reason"), Map.of(),
                row -> {
                    byReason.put(row.getString("reason"), row.getLong("messages"));
                });
        return new Parked(byReason, jdbc.query(statement("parked-messages"), Map.of("limit", limit),
                (row, n) -> parkedMessage(row)));
    }

    public Optional<Answer> answerOf(String idNumber) {
        return jdbc.query(statement("answer-of-person"), Map.of("idNumber", idNumber),
                (row, n) -> new Answer(row.getString("result_message_id"), row.getString("request_message_id"),
                        row.getObject("answered_at", OffsetDateTime.class), json(row.getString("insured_elsewhere"))))
                .stream().findFirst();
    }

    private static List<InsuredElsewhere> json(String text) {
        try {
            return CanonicalJson.mapper().readValue(text, new TypeReference<List<InsuredElsewhere>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the database gave no JSON", e);
        }
    }

    private static ParkedMessage parkedMessage(ResultSet row) throws SQLException {
        return new ParkedMessage(row.getLong("id"), row.getObject("parked_at", OffsetDateTime.class),
                row.getString("reason"), row.getString("detail"), row.getString("message_id"),
                row.getString("message_type"), row.getString("body"));
    }

    private static String statement(String name) {
        return CompareRequests.statement(name);
    }
}
