package cn.canbao.hub.reliability.fuzz;

import cn.canbao.hub.exchange.Queues;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message on a scheme system's {@code canbao.in.{system}.events} queue, sent with its own JMS correlation id.
 *
 * @param system        the scheme system, e.g. {@code PENSION}
 * @param correlationId the JMS correlation id the receipt must carry
 * @param body          what the message holds
 */
public record MalformedEvent(String system, String correlationId, Body body, String mutation) implements FuzzInput {

    /** The JMS message type and body; {@link CoreText} is a TEXT message whose body buffer holds no valid string. */
    public sealed interface Body permits Text, Bytes, MapBody, ObjectBody, StreamBody, NoBody, CoreText {
    }

    /** A text message; a null text is a text message without a body. */
    public record Text(String text) implements Body {
    }

    public record Bytes(byte[] bytes) implements Body {
    }

    public record MapBody(Map<String, Object> entries) implements Body {
    }

    public record ObjectBody(Serializable object) implements Body {
    }

    public record StreamBody(List<Object> items) implements Body {
    }

    /** A plain JMS message without any body. */
    public record NoBody() implements Body {
    }

    /** Sent with the Artemis core client: type TEXT, body buffer = these bytes, which no JMS client can decode. */
    public record CoreText(byte[] bodyBuffer) implements Body {
    }

    public String queue() {
        return Queues.events(system);
    }

    public String receiptsQueue() {
        return Queues.receipts(system);
    }

    public String account() {
        return system.toLowerCase(Locale.ROOT);
    }

    @Override
    public Kind kind() {
        return Kind.EVENT;
    }

    @Override
    public String id() {
        return correlationId;
    }

    @Override
    public String format() {
        return system + " event";
    }
}
