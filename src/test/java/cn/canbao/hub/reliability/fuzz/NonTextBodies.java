package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.MalformedEvent.Body;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** JMS messages that are not the UTF-8 JSON text messages of spec §5, and text messages no JMS client can decode. */
final class NonTextBodies {

    record Labelled(Body body, String label) {
    }

    private NonTextBodies() {
    }

    /** A bytes, map, object, stream or body-less message, or a text message without text; unique by {@code n}. */
    static Labelled nonText(ObjectNode event, int n, Random random) {
        String text = event.toString();
        return switch (random.nextInt(9)) {
            case 0 -> new Labelled(new MalformedEvent.Bytes(text.getBytes(StandardCharsets.UTF_8)), "bytes-utf8-event");
            case 1 -> new Labelled(new MalformedEvent.Bytes(text.getBytes(FileSource.GBK)), "bytes-gbk-event");
            case 2 -> new Labelled(new MalformedEvent.Bytes(TextFile.randomBytes(random, random.nextInt(2_000))),
                    "bytes-random");
            case 3 -> new Labelled(new MalformedEvent.MapBody(flat(event)), "map");
            case 4 -> new Labelled(new MalformedEvent.ObjectBody(pick(random, text, new HashMap<>(flat(event)))),
                    "object");
            case 5 -> new Labelled(new MalformedEvent.StreamBody(List.of(text, n, true)), "stream");
            case 6 -> new Labelled(new MalformedEvent.NoBody(), "no-body");
            case 7 -> new Labelled(new MalformedEvent.Text(null), "text-null");
            default -> new Labelled(new MalformedEvent.Bytes(new byte[0]), "bytes-empty");
        };
    }

    /**
     * A core message of type TEXT whose body buffer is not the nullable SimpleString a JMS text message holds: the
     * event's UTF-8 bytes as a naive core client writes them, a string length beyond the buffer, random bytes, or
     * nothing at all.
     */
    static Labelled undecodable(ObjectNode event, Random random) {
        byte[] utf8 = event.toString().getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(4)) {
            case 0 -> new Labelled(new MalformedEvent.CoreText(utf8), "undecodable-text-raw-utf8");
            case 1 -> {
                ByteBuffer buffer = ByteBuffer.allocate(5 + 16);
                buffer.put((byte) 1).putInt(pick(random, Integer.MAX_VALUE, 1_000_000, 17, -5));
                buffer.put(TextFile.randomBytes(random, 16));
                yield new Labelled(new MalformedEvent.CoreText(buffer.array()), "undecodable-text-length-beyond-body");
            }
            case 2 -> new Labelled(new MalformedEvent.CoreText(TextFile.randomBytes(random, 1 + random.nextInt(64))),
                    "undecodable-text-random");
            default -> new Labelled(new MalformedEvent.CoreText(new byte[] {1}), "undecodable-text-flag-only");
        };
    }

    /** The event's top-level fields as a JMS map message holds them: strings, the record as its JSON text. */
    private static Map<String, Object> flat(ObjectNode event) {
        Map<String, Object> entries = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        names.forEach(name -> entries.put(name, event.get(name).isTextual() ? event.get(name).asText()
                : event.get(name).toString()));
        return entries;
    }
}
