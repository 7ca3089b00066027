package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.connector.mapping.MappedRecord;
import cn.canbao.hub.connector.mapping.RecordContext;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.registry.DeliveryAttempts.Attempt;
import cn.canbao.hub.registry.DeliveryAttempts;
import cn.canbao.hub.registry.IntakeStore;
import cn.canbao.hub.standard.ErrorCode;
import cn.canbao.hub.standard.StorableText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one front-database row (spec §4.10) into the registry and tells the route which sync status to write
 * back: {@code 1} once the row is safely stored (or was stored before), {@code 9} with the reasons when it is
 * rejected (and quarantined). The row's seq is its idempotency key. A row the hub fails on for a reason of its own
 * stays {@code 0} for the next polls, the rows behind it going on, and is answered {@code 9} with HUB_FAULT at its
 * {@code canbao.intake.attempts}-th attempt; a row whose registry does not answer is tried again in place
 * (routes/intake-retry.yaml).
 */
public class FrontDbIntake {

    private static final Logger log = LoggerFactory.getLogger(FrontDbIntake.class);

    public static final String SYNC_STATUS = "canbaoSyncStatus";
    public static final String SYNC_MESSAGE = "canbaoSyncMessage";
    private static final int SYNC_MESSAGE_LENGTH = 500;
    private static final String NEW = "0";
    private static final String TAKEN = "1";
    private static final String REJECTED = "9";

    private final ConnectorCatalog catalog;
    private final IntakeStore writer;
    private final DeliveryAttempts attempts;
    private final IntakeBackoff backoff;
    private final int attemptLimit;
    private final ObjectMapper json;
    private final Clock clock;

    public FrontDbIntake(ConnectorCatalog catalog, IntakeStore writer, DeliveryAttempts attempts,
                         IntakeBackoff backoff, int attemptLimit, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.writer = writer;
        this.attempts = attempts;
        this.backoff = backoff;
        this.attemptLimit = attemptLimit;
        this.json = json;
        this.clock = clock;
    }

    @Handler
    public void take(@Header("canbaoSystem") String system, @Body Map<String, Object> row,
                     @Headers Map<String, Object> headers) {
        String route = TransportKind.SQL_POLL_IN.routeId(system);
        Map<String, String> fields = textOf(row);
        long seq = Long.parseLong(fields.get("seq"));
        String delivery = "row:" + system + ":" + seq;
        Attempt attempt = null;
        try {
            attempt = attempts.begin(delivery, system);
            List<Remark> errors = attempt.number() > attemptLimit ? hubFault(route, delivery, seq, attempt)
                    : store(system, seq, row, fields);
            if (errors.isEmpty()) {
                answer(headers, TAKEN, null);
            } else {
                quarantine(system, seq, fields, errors);
                answer(headers, REJECTED, errors);
            }
            attempts.answered(delivery);
            backoff.succeeded(route, delivery);
        } catch (JsonProcessingException | RuntimeException e) {
            if (Faults.isInfrastructure(e)) {
                if (attempt != null) {
                    attempts.takeBack(delivery);
                }
                backoff.infrastructureFailed(route, e);
                throw new InfrastructureUnavailableException("front-db row " + seq + " of " + system
                        + " waits for the registry", e);
            }
            int number = attempt == null ? 1 : attempt.number();
            log.error("{}: the hub failed on row {} at attempt {} of {}; it stays new for a later poll, the rows "
                    + "behind it go on", route, seq, number, attemptLimit, e);
            backoff.hubFaultRetried(route, delivery, number, e);
            if (attempt != null) {
                attempts.failed(delivery, IntakeBackoff.describe(e));
            }
            answer(headers, NEW, null);
        }
    }

    /** Stores the row; the reasons it is rejected, none when it is stored. */
    private List<Remark> store(String system, long seq, Map<String, Object> row, Map<String, String> fields) {
        Connector connector = catalog.get(system);
        OffsetDateTime receivedAt = OffsetDateTime.now(clock);
        String intakeKey = intakeKey(system, seq);
        Object opTime = row.get("op_time");
        OffsetDateTime occurredAt = opTime instanceof Timestamp time
                ? time.toLocalDateTime().atZone(clock.getZone()).toOffsetDateTime() : null;
        RecordContext context = new RecordContext(intakeKey, SourceReference.ofFrontDbRow(seq), receivedAt,
                Operation.UPDATE, null, occurredAt);
        MappedRecord mapped = connector.mapper().map(fields, context);
        if (mapped.accepted()) {
            writer.storeSingle(system, intakeKey, mapped.idNumber(), mapped.sourceKey(), mapped.message(), receivedAt);
            return List.of();
        }
        log.info("Front-db row {} of {}: rejected ({})", seq, system,
                mapped.errors().stream().map(Remark::code).collect(Collectors.joining(",")));
        return mapped.errors();
    }

    private List<Remark> hubFault(String route, String delivery, long seq, Attempt attempt) {
        log.error("{}: the hub failed on row {} in {} attempts (the last: {}); answered {}", route, seq,
                attempt.number() - 1, attempt.lastError() == null ? "ended with the hub" : attempt.lastError(),
                ErrorCode.HUB_FAULT);
        backoff.hubFaultAnswered(route, delivery);
        return List.of(new Remark(ErrorCode.HUB_FAULT.name(), null, "the hub failed on this row "
                + (attempt.number() - 1) + " times; the provincial operators are alerted"));
    }

    private void quarantine(String system, long seq, Map<String, String> fields, List<Remark> errors)
            throws JsonProcessingException {
        writer.quarantineSingle(system, intakeKey(system, seq), "front-db row " + seq, fields.toString(),
                json.writeValueAsString(errors), OffsetDateTime.now(clock));
    }

    private static void answer(Map<String, Object> headers, String status, List<Remark> errors) {
        headers.put(SYNC_STATUS, status);
        headers.put(SYNC_MESSAGE, errors == null ? null : syncMessage(errors));
    }

    /** The reasons as the front database's sync_msg can hold them: without NUL, at most 500 characters. */
    private static String syncMessage(List<Remark> errors) {
        String reasons = StorableText.withoutNul(errors.stream()
                .map(e -> e.code() + " " + e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        return reasons.length() <= SYNC_MESSAGE_LENGTH ? reasons
                : reasons.substring(0, SYNC_MESSAGE_LENGTH - 1) + "…";
    }

    private static String intakeKey(String system, long seq) {
        return "frontdb:" + system + ":" + seq;
    }

    /** Column values as the text a descriptor maps: dates ISO, times ISO, nulls absent. */
    private static Map<String, String> textOf(Map<String, Object> row) {
        Map<String, String> fields = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (value instanceof Timestamp timestamp) {
                fields.put(column, timestamp.toLocalDateTime().toString());
            } else if (value != null) {
                fields.put(column, value.toString());
            }
        });
        return fields;
    }
}
