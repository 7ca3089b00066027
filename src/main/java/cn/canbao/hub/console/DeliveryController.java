package cn.canbao.hub.console;

import cn.canbao.hub.connector.transport.DeliveryReplay;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deliveries answered with HUB_FAULT, and their replay once the hub is corrected (docs/reliability.md): each replay
 * puts the delivery back where it arrived, and the hub answers it anew (202).
 */
@RestController
@RequestMapping("/api/v1/deliveries")
public class DeliveryController {

    private final DeliveryReplay replay;

    public DeliveryController(DeliveryReplay replay) {
        this.replay = replay;
    }

    @GetMapping("/hub-faults")
    public List<DeliveryReplay.HubFault> hubFaults(@RequestParam(defaultValue = "100") int limit) {
        return replay.hubFaults(Math.min(Math.max(limit, 1), 1000));
    }

    /** A rejected data file (its intake log id, as {@code GET /hub-faults} lists it) back into its sender's in/. */
    @PostMapping("/files/{id}/replay")
    public ResponseEntity<Map<String, String>> replayFile(@PathVariable long id) throws IOException {
        String path = replay.replayFile(id).orElseThrow(() -> new ApiException.NotFound(
                "no rejected file " + id + " in an in/.error/ folder"));
        return ResponseEntity.accepted().body(Map.of("replayed", path));
    }

    @PostMapping("/events/{eventId}/replay")
    public ResponseEntity<Map<String, String>> replayEvent(@PathVariable String eventId) {
        if (!replay.replayEvent(eventId)) {
            throw new ApiException.NotFound("no event " + eventId + " answered HUB_FAULT");
        }
        return ResponseEntity.accepted().body(Map.of("replayed", eventId));
    }

    @PostMapping("/rows/{system}/{seq}/replay")
    public ResponseEntity<Map<String, String>> replayRow(@PathVariable String system, @PathVariable long seq) {
        if (!replay.replayRow(system.toUpperCase(Locale.ROOT), seq)) {
            throw new ApiException.NotFound("no row " + seq + " of " + system + " answered 9");
        }
        return ResponseEntity.accepted().body(Map.of("replayed", system + " " + seq));
    }

    /** Every message of a system's events dead-letter queue back onto its events queue. */
    @PostMapping("/dead-letters/{system}/replay")
    public ResponseEntity<Map<String, Long>> replayDeadLetters(@PathVariable String system) {
        long replayed = replay.replayDeadLetters(system.toUpperCase(Locale.ROOT)).orElseThrow(
                () -> new ApiException.NotFound("no events queue of system " + system));
        return ResponseEntity.accepted().body(Map.of("replayed", replayed));
    }
}
