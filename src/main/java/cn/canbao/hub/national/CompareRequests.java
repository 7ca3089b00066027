package cn.canbao.hub.national;

import cn.canbao.hub.registry.SqlStatements;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the COMPARE_REQUESTs (spec §5) into the national outbox, each look (route national-requests) in one
 * transaction: the persons a comparison run that completed since the last look classified UNINSURED or LAPSED, the
 * persons of survey marks (FOUND_INSURED_ELSEWHERE) not asked about yet, requests unanswered after
 * {@code canbao.national.answer-timeout} once more, and those sent {@code canbao.national.sends} times expired.
 * The comparison itself knows nothing of this: it completes runs, this reads them (docs/national.md).
 */
@Component("compareRequests")
public class CompareRequests {

    private static final Logger log = LoggerFactory.getLogger(CompareRequests.class);

    /** What one look wrote. */
    public record Written(Long runId, long runPersons, int markedPersons, int sentAgain, int expired) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NationalProperties properties;
    private final Clock clock;

    public CompareRequests(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                           NationalProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** One look; logs what it wrote when it wrote anything. */
    public Written writeDue() {
        Written written = transaction.execute(status -> write(OffsetDateTime.now(clock)));
        if (written.runId() != null || written.markedPersons() > 0 || written.sentAgain() > 0
                || written.expired() > 0) {
            log.info("COMPARE_REQUESTs written: run {} with {} persons, {} persons of survey marks, {} requests sent"
                            + " again, {} expired", written.runId(), written.runPersons(), written.markedPersons(),
                    written.sentAgain(), written.expired());
        }
        return written;
    }

    private Written write(OffsetDateTime now) {
        jdbc.queryForList(statement("requests-lock"), Map.of());
        Long runId = null;
        long runPersons = 0;
        List<Long> runs = jdbc.queryForList(statement("run-to-request"), Map.of(), Long.class);
        MapSqlParameterSource at = new MapSqlParameterSource("now", now)
                .addValue("requestSize", properties.requestSize());
        if (!runs.isEmpty() && jdbc.update(statement("run-claim"), at.addValue("runId", runs.get(0))) == 1) {
            runId = runs.get(0);
            runPersons = jdbc.update(statement("run-requests"), at);
            jdbc.update(statement("run-request-counted"), at);
        }
        int marked = requestMarks(now);
        MapSqlParameterSource due = new MapSqlParameterSource("now", now)
                .addValue("sends", properties.sends())
                .addValue("answerDueBefore", now.minus(properties.answerTimeout()));
        int expired = jdbc.update(statement("requests-expire"), due);
        int sentAgain = jdbc.update(statement("outbox-resend-requests"), due);
        jdbc.update(statement("requests-resent"), due);
        jdbc.update(statement("outbox-new-requests"), at);
        jdbc.update(statement("requests-outboxed"), at);
        return new Written(runId, runPersons, marked, sentAgain, expired);
    }

    /** One request for the oldest survey marks not asked about yet; the persons it asks about. */
    private int requestMarks(OffsetDateTime now) {
        List<Map<String, Object>> marks = jdbc.queryForList(statement("marks-to-ask"),
                Map.of("requestSize", properties.requestSize()));
        if (marks.isEmpty()) {
            return 0;
        }
        List<Object> resultIds = marks.stream().map(mark -> mark.get("result_id")).toList();
        long persons = marks.stream().map(mark -> mark.get("id_number")).distinct().count();
        MapSqlParameterSource request = new MapSqlParameterSource("now", now)
                .addValue("messageId", UUID.randomUUID().toString())
                .addValue("persons", persons)
                .addValue("resultIds", resultIds);
        jdbc.update(statement("mark-request"), request);
        jdbc.update(statement("mark-request-persons"), request);
        jdbc.update(statement("marks-requested"), request);
        return (int) persons;
    }

    static String statement(String name) {
        return SqlStatements.named("national/" + name);
    }
}
