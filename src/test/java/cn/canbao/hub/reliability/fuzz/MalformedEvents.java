package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Malformed participation events (spec §5) for the five scheme systems: invalid JSON, JSON that is no event, wrong
 * types, odd values, huge bodies, NUL and lone-surrogate escapes, non-text JMS messages and text messages no JMS
 * client can decode. Each starts from a fixture event under {@code fixtures/<system>/events/} with a fresh eventId;
 * every body and correlation id of a run is unique.
 */
public final class MalformedEvents {

    public static final List<String> SYSTEMS = List.of("PENSION", "MEDICAL", "UNEMPLOYMENT", "INJURY", "MATERNITY");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<ObjectNode>> templates = new LinkedHashMap<>();
    private final Map<String, ObjectNode> accepted = new LinkedHashMap<>();
    private final Random random;
    private final Set<String> bodies = new HashSet<>();
    private int next;

    public MalformedEvents(long seed) {
        this.random = new Random(seed);
        SYSTEMS.forEach(system -> templates.put(system, load(system)));
    }

    public List<MalformedEvent> next(int count) {
        List<MalformedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(next(SYSTEMS.get(next % SYSTEMS.size())));
        }
        return events;
    }

    /** A fixture event the hub accepts, with a fresh eventId. */
    public MalformedEvent canary(String system) {
        ObjectNode event = accepted.get(system).deepCopy();
        event.put("eventId", new UUID(random.nextLong(), random.nextLong()).toString());
        return new MalformedEvent(system, "canary-" + system.toLowerCase(Locale.ROOT),
                new MalformedEvent.Text(event.toString()), "valid");
    }

    private MalformedEvent next(String system) {
        String correlationId = "fuzz-" + system.toLowerCase(Locale.ROOT) + "-" + next++;
        ObjectNode event = event(system);
        double draw = random.nextDouble();
        String[] text;
        if (draw < 0.14) {
            text = JsonText.broken(event.toString(), random);
        } else if (draw < 0.22) {
            text = notAnEvent(event);
        } else if (draw < 0.36) {
            text = wrongType(event);
        } else if (draw < 0.50) {
            text = oddValue(event);
        } else if (draw < 0.53) {
            text = huge(event);
        } else if (draw < 0.68) {
            text = nulOrSurrogate(event);
        } else if (draw < 0.96) {
            NonTextBodies.Labelled body = NonTextBodies.nonText(event, next, random);
            return new MalformedEvent(system, correlationId, body.body(), body.label());
        } else {
            NonTextBodies.Labelled body = NonTextBodies.undecodable(event, random);
            return new MalformedEvent(system, correlationId, body.body(), body.label());
        }
        return new MalformedEvent(system, correlationId, new MalformedEvent.Text(unique(text[0])), text[1]);
    }

    /**
     * Bodies that would otherwise repeat (a bare {@code 42}) get trailing blanks, which JSON ignores. Only their
     * hashes are kept: the bodies of a long run would fill the heap whose growth the run measures.
     */
    private String unique(String body) {
        String candidate = body;
        while (!bodies.add(DoneFiles.sha256(candidate.getBytes(StandardCharsets.UTF_16BE)))) {
            candidate = candidate + " ";
        }
        return candidate;
    }

    /**
     * A fixture event with a fresh eventId, written last: the text mutations change the first string value they find,
     * and an eventId they changed to a constant would make later events DUPLICATEs of earlier ones.
     */
    private ObjectNode event(String system) {
        ObjectNode event = pick(random, templates.get(system)).deepCopy();
        event.remove("eventId");
        event.put("eventId", new UUID(random.nextLong(), random.nextLong()).toString());
        return event;
    }

    private String[] notAnEvent(ObjectNode event) {
        return pick(random,
                new String[] {"{}", "empty-object"},
                new String[] {"[" + event + "]", "event-in-array"},
                new String[] {json.createObjectNode().put("eventId", event.get("eventId").asText()).toString(),
                        "event-id-only"},
                new String[] {"{\"header\":{\"messageId\":\"" + event.get("eventId").asText() + "\",\"messageType\":"
                        + "\"COMPARE_RESULT\",\"sender\":\"000000\"},\"body\":{\"results\":[]}}", "national-envelope"},
                new String[] {"{\"file\":\"PENSION_630000_20171015_001.txt\",\"status\":\"ACCEPTED\",\"eventId\":\""
                        + event.get("eventId").asText() + "\"}", "a-receipt"},
                new String[] {pick(random, "42", "\"ENROLL\"", "null", "true", "-1.5e3", "\"\""), "json-scalar"},
                new String[] {"", "empty-text"},
                new String[] {"   \n\t ", "blank-text"});
    }

    private String[] wrongType(ObjectNode event) {
        String field = pick(random, "eventId", "system", "type", "occurredAt", "record", "record.*");
        // a number or boolean eventId is taken as its text: numbers unique, no boolean, lest one be a DUPLICATE
        JsonNode value = json.valueToTree(field.equals("eventId")
                ? pick(random, next, List.of(1, 2), Map.of("a", "b"), -next, next + 0.5)
                : pick(random, 42, true, List.of(1, 2), Map.of("a", "b"), 1.5e300, -1));
        if (field.equals("record.*")) {
            ObjectNode record = (ObjectNode) event.get("record");
            String key = pick(random, fieldNames(record));
            record.set(key, value);
            return new String[] {event.toString(), "wrong-type-record." + key};
        }
        if (random.nextInt(4) == 0) {
            event.putNull(field);
        } else {
            event.set(field, value);
        }
        return new String[] {event.toString(), "wrong-type-" + field};
    }

    private String[] oddValue(ObjectNode event) {
        int kind = random.nextInt(6);
        switch (kind) {
            case 0 -> event.put("eventId", pick(random, "", " ", padded(64), padded(65), padded(10_000), "青海" + next,
                    "😀" + next, "'; DROP TABLE event_log; --" + next));
            case 1 -> event.put("system", pick(random, "pension", "NATIONAL", "CARD", "", "PENSION ", "MEDICAL", "INJURY"));
            case 2 -> event.put("type", pick(random, "enroll", "RETIRE", "", "ENROLL ", "PAYMENT\u0000", "TRANSFER-OUT"));
            case 3 -> event.put("occurredAt", pick(random, "2017-10-15", "2017-10-15T09:30:00", "2017-02-30T09:30:00+08:00",
                    "+999999999-12-31T23:59:59+18:00", "-999999999-01-01T00:00:00-18:00", "2017-10-15T09:30:00+25:00",
                    "2017-10-15T24:00:00+08:00", "1e9", "now", "2017-10-15T09:30:00.1234567891+08:00"));
            case 4 -> {
                ObjectNode record = (ObjectNode) event.get("record");
                String key = pick(random, fieldNames(record));
                record.put(key, pick(random, "", " ", "x".repeat(10_000), "630102198001011230", "00000000", "20170230",
                        "\u202E", "０１", "999", "\t"));
            }
            default -> {
                ObjectNode record = json.createObjectNode();
                int fields = pick(random, 0, 1, 500, 20_000);
                for (int i = 0; i < fields; i++) {
                    record.put("F" + i, i);
                }
                event.set("record", record);
            }
        }
        return new String[] {event.toString(), "odd-value-" + kind};
    }

    private String[] huge(ObjectNode event) {
        int megabytes = 1 + random.nextInt(3);
        int kind = random.nextInt(3);
        String body = switch (kind) {
            case 0 -> {
                ((ObjectNode) event.get("record")).put("name", "张".repeat(megabytes * 350_000));
                yield event.toString();
            }
            case 1 -> event.toString().replaceFirst("\\{", "{" + " ".repeat(megabytes * 1_000_000));
            default -> "{\"eventId\":\"" + event.get("eventId").asText() + "\",\"record\":" + "[".repeat(megabytes * 500_000);
        };
        return new String[] {body, "huge-" + body.length() / 1_000_000 + "MB-" + kind};
    }

    private String[] nulOrSurrogate(ObjectNode event) {
        String escape = pick(random, "\\u0000", "\\ud800", "\\udfff", "\\udbff\\udbff", "\\u0000\\ud800", "\\uDC00x");
        String where = pick(random, "eventId", "type", "record-value", "record-key", "raw-char");
        String body = event.toString();
        String result = switch (where) {
            case "eventId" -> body.replaceFirst("\"eventId\":\"", "\"eventId\":\"" + escape.replace("\\", "\\\\"));
            case "type" -> body.replaceFirst("\"type\":\"", "\"type\":\"" + escape.replace("\\", "\\\\"));
            case "record-value" -> body.replaceFirst("(\"record\":\\{\"[^\"]+\":\")", "$1" + escape.replace("\\", "\\\\"));
            case "record-key" -> body.replaceFirst("\"record\":\\{\"", "\"record\":{\"" + escape.replace("\\", "\\\\"));
            default -> body.replaceFirst("(\"record\":\\{\"[^\"]+\":\")", "$1" + pick(random, "\u0000", "\ud800", "\udc00"));
        };
        return new String[] {result, "escape-" + escape.replace("\\", "") + "-in-" + where};
    }

    private List<ObjectNode> load(String system) {
        Path directory = FIXTURES.resolve(system.toLowerCase(Locale.ROOT)).resolve("events");
        try (Stream<Path> files = Files.list(directory)) {
            List<ObjectNode> events = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json"))
                    .sorted().toList()) {
                ObjectNode event = (ObjectNode) json.readTree(file.toFile());
                events.add(event);
                Path expected = Path.of(file.toString().replaceFirst("\\.json$", ".expected.json"));
                if ("ACCEPTED".equals(json.readTree(expected.toFile()).at("/receipt/status").asText())) {
                    accepted.putIfAbsent(system, event);
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An eventId of exactly this length, unique in the run. */
    private String padded(int length) {
        String unique = "-" + next;
        return "x".repeat(length - unique.length()) + unique;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
