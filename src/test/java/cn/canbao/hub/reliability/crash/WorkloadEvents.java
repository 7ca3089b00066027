package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Delivery.Event;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Participation events of the five scheme systems, taken from the event fixtures
 * (src/test/resources/fixtures/{system}/events/), each sent several times under eventIds of its own: accepted
 * events and events the hub rejects (a wrong check character, an unknown event type).
 */
final class WorkloadEvents {

    private static final List<String> FIXTURES = List.of("pension/events/enroll",
            "pension/events/invalid_identity_number", "medical/events/terminate", "unemployment/events/payment",
            "injury/events/transfer_out", "maternity/events/resume", "maternity/events/unknown_type");
    private static final int WORKLOAD_COPIES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkloadEvents() {
    }

    static List<Event> fromFixtures(Random random) {
        return fromFixtures(random, WORKLOAD_COPIES);
    }

    /** Each fixture event {@code copies} times, every copy with an eventId of its own. */
    static List<Event> fromFixtures(Random random, int copies) {
        List<Event> events = new ArrayList<>();
        for (String fixture : FIXTURES) {
            ObjectNode event = read("/fixtures/" + fixture + ".json");
            String expectedStatus = read("/fixtures/" + fixture + ".expected.json").at("/receipt/status").asText();
            for (int copy = 0; copy < copies; copy++) {
                String eventId = new UUID(random.nextLong(), random.nextLong()).toString();
                event.put("eventId", eventId);
                events.add(new Event(event.get("system").asText(), eventId, event.toString(), expectedStatus));
            }
        }
        return List.copyOf(events);
    }

    private static ObjectNode read(String path) {
        try (InputStream in = WorkloadEvents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the event fixture " + path, e);
        }
    }
}
