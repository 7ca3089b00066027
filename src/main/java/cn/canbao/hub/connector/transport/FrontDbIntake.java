package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.mapping.MappedRecord;
import cn.canbao.hub.connector.mapping.RecordContext;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.registry.IntakeWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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
 * rejected (and quarantined). The row's seq is its idempotency key.
 */
public class FrontDbIntake {

    private static final Logger log = LoggerFactory.getLogger(FrontDbIntake.class);

    public static final String SYNC_STATUS = "canbaoSyncStatus";
    public static final String SYNC_MESSAGE = "canbaoSyncMessage";
    private static final int SYNC_MESSAGE_LENGTH = 500;

    private final ConnectorCatalog catalog;
    private final IntakeWriter writer;
    private final ObjectMapper json;
    private final Clock clock;

    public FrontDbIntake(ConnectorCatalog catalog, IntakeWriter writer, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.writer = writer;
        this.json = json;
        this.clock = clock;
    }

    @Handler
    public void take(@Header("canbaoSystem") String system, @Body Map<String, Object> row,
                     @Headers Map<String, Object> headers) throws JsonProcessingException {
        Connector connector = catalog.get(system);
        OffsetDateTime receivedAt = OffsetDateTime.now(clock);
        Map<String, String> fields = textOf(row);
        long seq = Long.parseLong(fields.get("seq"));
        String intakeKey = "frontdb:" + system + ":" + seq;
        Object opTime = row.get("op_time");
        OffsetDateTime occurredAt = opTime instanceof Timestamp time
                ? time.toLocalDateTime().atZone(clock.getZone()).toOffsetDateTime() : null;
        RecordContext context = new RecordContext(intakeKey, SourceReference.ofFrontDbRow(seq), receivedAt,
                Operation.UPDATE, null, occurredAt);
        MappedRecord mapped = connector.mapper().map(fields, context);
        if (mapped.accepted()) {
            writer.storeSingle(system, intakeKey, mapped.idNumber(), mapped.sourceKey(), mapped.message(), receivedAt);
            headers.put(SYNC_STATUS, "1");
            headers.put(SYNC_MESSAGE, null);
            return;
        }
        writer.quarantineSingle(system, intakeKey, "front-db row " + seq, fields.toString(),
                json.writeValueAsString(mapped.errors()), receivedAt);
        String reasons = mapped.errors().stream().map(e -> e.code() + " " + e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        headers.put(SYNC_STATUS, "9");
        headers.put(SYNC_MESSAGE, reasons.length() <= SYNC_MESSAGE_LENGTH ? reasons
                : reasons.substring(0, SYNC_MESSAGE_LENGTH - 1) + "…");
        log.info("Front-db row {} of {}: rejected ({})", seq, system,
                mapped.errors().stream().map(Remark::code).collect(Collectors.joining(",")));
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
