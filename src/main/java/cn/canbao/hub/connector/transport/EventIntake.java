package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.connector.mapping.MappedRecord;
import cn.canbao.hub.connector.mapping.RecordContext;
import cn.canbao.hub.connector.receipt.EventReceipt;
import cn.canbao.hub.connector.receipt.ReceiptStatus;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.model.SourceReference;
import cn.canbao.hub.registry.EventWriter;
import cn.canbao.hub.standard.CodeTable;
import cn.canbao.hub.standard.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one participation event (spec §5) from a scheme system's queue: checks the envelope, maps the record
 * with the system's descriptor, stores it once per eventId, and answers with the receipt JSON the route sends
 * back. A redelivery of an event already stored gets the receipt it was first answered with (that answer was
 * lost with the rolled-back session); a new delivery of a known eventId gets DUPLICATE — unless it was answered
 * HUB_FAULT, which a new delivery (after the hub is corrected) replaces. An event the hub fails on
 * for a reason of its own goes back to the broker, which delivers it again after its redelivery delay while the
 * events behind it go first, and is answered with HUB_FAULT at its {@code canbao.intake.attempts}-th delivery; an
 * event whose database does not answer is tried again in place (routes/intake-retry.yaml).
 */
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
    private static final int MAX_EVENT_ID = 64;
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final int MAX_KEPT_BYTES = 1 << 20;

    private final ConnectorCatalog catalog;
    private final EventWriter writer;
    private final CodeTable eventTypes;
    private final IntakeBackoff backoff;
    private final int attemptLimit;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    public EventIntake(ConnectorCatalog catalog, EventWriter writer, CodeTable eventTypes, IntakeBackoff backoff,
                       int attemptLimit, ObjectMapper json, MeterRegistry meters, Clock clock) {
        this.catalog = catalog;
        this.writer = writer;
        this.eventTypes = eventTypes;
        this.backoff = backoff;
        this.attemptLimit = attemptLimit;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    /** The header the route copies into the receipt's JMSCorrelationID. */
    public static final String CORRELATION_ID = "canbaoCorrelationId";

    @Handler
    public String receive(@Header("canbaoSystem") String system, @Body Message message,
                          @Headers Map<String, Object> headers) throws JMSException, IOException {
        String correlationId = message.getJMSCorrelationID();
        headers.put(CORRELATION_ID, correlationId != null && !correlationId.isBlank() ? correlationId
                : message.getJMSMessageID());
        String route = TransportKind.JMS_EVENTS_IN.routeId(system);
        Delivery delivery = new Delivery(message.getJMSMessageID(), message.getJMSRedelivered());
        OffsetDateTime receivedAt = OffsetDateTime.now(clock);
        String body = message instanceof TextMessage text ? text.getText() : null;
        try {
            String receipt = body == null ? notText(system, delivery, message, receivedAt)
                    : take(system, delivery, body, receivedAt);
            backoff.succeeded(route, delivery.key());
            return receipt;
        } catch (IOException | RuntimeException e) {
            if (Faults.isInfrastructure(e)) {
                backoff.infrastructureFailed(route, e);
                throw new InfrastructureUnavailableException("an event of " + system + " waits for the database", e);
            }
            int deliveries = deliveryCount(message);
            if (deliveries < attemptLimit) {
                log.error("{}: the hub failed on an event at delivery {} of {}; the broker delivers it again after "
                        + "its redelivery delay, the events behind it go first", route, deliveries, attemptLimit, e);
                backoff.hubFaultRetried(route, delivery.key(), deliveries, e);
                throw e;
            }
            backoff.hubFaultAnswered(route, delivery.key());
            return hubFault(system, delivery, route, body == null ? describe(message) : body, receivedAt, deliveries,
                    e);
        }
    }

    /**
     * The JMS message an event came in: the same message delivered again (its answer stored, the acknowledgement lost
     * with a crash) gets the stored answer; another message with a known eventId is a DUPLICATE. Told apart by the
     * message's id, not by the broker's redelivery mark alone, which a crash can lose with the delivery count.
     */
    private record Delivery(String messageId, boolean redelivered) {
        String key() {
            return "event:" + messageId;
        }
    }

    private String take(String system, Delivery delivery, String body, OffsetDateTime receivedAt)
            throws IOException {
        Connector connector = catalog.get(system);
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JsonProcessingException e) {
            return reject(system, delivery, null, body, receivedAt,
                    new Remark(ErrorCode.RECORD_SYNTAX.name(), null, "the event is not valid JSON: "
                            + e.getOriginalMessage()));
        }
        String eventId = usableEventId(event);
        if (eventId == null) {
            return reject(system, delivery, null, body, receivedAt, new Remark(ErrorCode.FIELD_MISSING.name(),
                    "eventId", "every event needs an eventId: a JSON string of 1 to " + MAX_EVENT_ID
                            + " printable characters"));
        }
        // an eventId answered before is found as this event's answer is logged (answeredBefore), where an earlier
        // HUB_FAULT is replaced: no query ahead of every event
        Remark envelopeProblem = envelopeProblem(system, event);
        if (envelopeProblem != null) {
            return reject(system, delivery, eventId, body, receivedAt, envelopeProblem);
        }
        Map<String, String> fields = fields(event.get("record"),
                connector.descriptor().transport(TransportKind.JMS_EVENTS_IN).orElseThrow().rename());
        RecordContext context = new RecordContext("event:" + eventId, SourceReference.ofEvent(eventId), receivedAt,
                Operation.EVENT, text(event, "type"), OffsetDateTime.parse(text(event, "occurredAt")));
        MappedRecord mapped = connector.mapper().map(fields, context);
        if (!mapped.accepted()) {
            return reject(system, delivery, eventId, body, receivedAt, mapped.errors());
        }
        String receipt = json.writeValueAsString(new EventReceipt(eventId, ReceiptStatus.ACCEPTED, List.of(),
                mapped.message().warnings()));
        if (!writer.accept(system, eventId, delivery.messageId(), mapped.idNumber(), mapped.sourceKey(),
                mapped.message(), receivedAt, receipt)) {
            return answeredBefore(system, delivery, eventId);
        }
        // one line an event would be millions a day in a payment season: the count is canbao.intake.events
        log.debug("Event {} from {}: ACCEPTED ({})", eventId, system, text(event, "type"));
        answered(system, ReceiptStatus.ACCEPTED);
        return receipt;
    }

    private String notText(String system, Delivery delivery, Message message, OffsetDateTime receivedAt)
            throws IOException, JMSException {
        return reject(system, delivery, null, describe(message), receivedAt, new Remark(
                ErrorCode.RECORD_SYNTAX.name(), null, "an event is a JMS text message holding UTF-8 JSON (interface "
                        + "specification section 5); this is a " + kindOf(message)));
    }

    private String hubFault(String system, Delivery delivery, String route, String body, OffsetDateTime receivedAt,
                            int deliveries, Exception cause) throws IOException {
        log.error("{}: the hub failed on an event at each of its {} deliveries; answered {}", route, deliveries,
                ErrorCode.HUB_FAULT, cause);
        String eventId = eventIdOf(body);
        return reject(system, delivery, eventId, body, receivedAt, new Remark(ErrorCode.HUB_FAULT.name(), null,
                "the hub failed on this event " + deliveries + " times; the provincial operators are alerted"));
    }

    /** The eventId of a body the hub failed on, if it has a usable one. */
    private String eventIdOf(String body) {
        try {
            return usableEventId(json.readTree(body));
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The event's eventId if it can be one: a JSON string (a number would collide with the string of its digits)
     * of 1 to 64 printable characters (a lone surrogate is stored as '?', and two ids would collide).
     */
    private static String usableEventId(JsonNode event) {
        JsonNode value = event.get("eventId");
        if (value == null || !value.isTextual()) {
            return null;
        }
        String eventId = value.asText();
        boolean printable = eventId.chars()
                .noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c));
        return printable && !eventId.isBlank() && eventId.length() <= MAX_EVENT_ID ? eventId : null;
    }

    /** Deliveries so far, this one included; a broker without the count has the hub answer at the second one. */
    private int deliveryCount(Message message) throws JMSException {
        if (message.propertyExists(DELIVERY_COUNT)) {
            return message.getIntProperty(DELIVERY_COUNT);
        }
        return message.getJMSRedelivered() ? attemptLimit : 1;
    }

    private static String kindOf(Message message) {
        return message instanceof TextMessage ? "text message without a body"
                : message instanceof BytesMessage ? "BytesMessage" : message instanceof MapMessage ? "MapMessage"
                : message instanceof ObjectMessage ? "ObjectMessage" : message instanceof StreamMessage
                ? "StreamMessage" : "message without a body";
    }

    /** What quarantine keeps of a message that is not text: a BytesMessage's bytes as UTF-8, else its kind. */
    private static String describe(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            byte[] content = new byte[(int) Math.min(bytes.getBodyLength(), MAX_KEPT_BYTES)];
            bytes.reset();
            bytes.readBytes(content);
            return new String(content, StandardCharsets.UTF_8);
        }
        return "(" + kindOf(message) + ")";
    }

    private Remark envelopeProblem(String system, JsonNode event) {
        if (!system.equals(text(event, "system"))) {
            return new Remark(ErrorCode.CODE_UNKNOWN.name(), "system",
                    "this queue takes events of system " + system + " only");
        }
        String type = text(event, "type");
        if (type == null || !eventTypes.contains(type)) {
            return new Remark(ErrorCode.EVENT_TYPE.name(), "type", "unknown event type '" + type
                    + "'; expected one of " + eventTypes.codes());
        }
        String occurredAt = text(event, "occurredAt");
        try {
            if (occurredAt == null) {
                return new Remark(ErrorCode.FIELD_MISSING.name(), "occurredAt", "occurredAt is required");
            }
            OffsetDateTime.parse(occurredAt);
        } catch (DateTimeParseException e) {
            return new Remark(ErrorCode.DATE_FORMAT.name(), "occurredAt",
                    "occurredAt must be an ISO-8601 time with offset, e.g. 2017-10-15T09:30:00+08:00");
        }
        if (!event.path("record").isObject()) {
            return new Remark(ErrorCode.FIELD_MISSING.name(), "record", "the event carries no record object");
        }
        return null;
    }

    private static Map<String, String> fields(JsonNode record, Map<String, String> rename) {
        Map<String, String> fields = new LinkedHashMap<>();
        record.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull() && !value.isContainerNode()) {
                fields.put(rename.getOrDefault(field.getKey(), field.getKey()), value.asText());
            }
        });
        return fields;
    }

    private String reject(String system, Delivery delivery, String eventId, String body, OffsetDateTime receivedAt,
                          Remark problem) throws JsonProcessingException {
        return reject(system, delivery, eventId, body, receivedAt, List.of(problem));
    }

    private String reject(String system, Delivery delivery, String eventId, String body, OffsetDateTime receivedAt,
                          List<Remark> problems) throws JsonProcessingException {
        String receipt = json.writeValueAsString(
                new EventReceipt(eventId, ReceiptStatus.REJECTED, problems, List.of()));
        String quarantineKey = eventId != null ? "event:" + eventId
                : "event-raw:" + Sha256.of(body.getBytes(StandardCharsets.UTF_8));
        if (!writer.reject(system, eventId, delivery.messageId(), quarantineKey, body,
                json.writeValueAsString(problems), receivedAt, receipt)) {
            return answeredBefore(system, delivery, eventId);
        }
        log.info("Event {} from {}: REJECTED ({})", eventId, system, problems.get(0).code());
        answered(system, ReceiptStatus.REJECTED);
        return receipt;
    }

    /** The stored answer where this delivery was answered before a crash took its acknowledgement; else DUPLICATE. */
    private String answeredBefore(String system, Delivery delivery, String eventId) throws JsonProcessingException {
        if (eventId != null) {
            Optional<String> earlier = writer.answerTo(eventId, delivery.messageId(), delivery.redelivered());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        return duplicate(system, eventId);
    }

    private String duplicate(String system, String eventId) throws JsonProcessingException {
        answered(system, ReceiptStatus.DUPLICATE);
        return json.writeValueAsString(new EventReceipt(eventId, ReceiptStatus.DUPLICATE, List.of(), List.of()));
    }

    /** Counted once an answer is stored (a redelivery given its stored answer is not counted again). */
    private void answered(String system, ReceiptStatus status) {
        Counter.builder("canbao.intake.events").description("events answered, by scheme system and receipt status")
                .tags("system", system, "status", status.name()).register(meters).increment();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
