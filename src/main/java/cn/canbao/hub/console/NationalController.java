package cn.canbao.hub.console;

import cn.canbao.hub.national.NationalStatus;
import cn.canbao.hub.national.PersonIncrements;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national exchange for operators (docs/national.md): the PERSON_INCREMENTs sent and one on demand, the
 * COMPARE_REQUESTs by status, and the messages of the national system that were parked with their reasons.
 */
@RestController
@RequestMapping("/api/v1/national")
public class NationalController {

    private final PersonIncrements increments;
    private final NationalStatus status;

    public NationalController(PersonIncrements increments, NationalStatus status) {
        this.increments = increments;
        this.status = status;
    }

    /** Writes the increment of every registry change since the last one; the messages leave through the outbox. */
    @PostMapping("/increments")
    public PersonIncrements.Increment sendIncrement() {
        return increments.send("API");
    }

    @GetMapping("/increments")
    public List<PersonIncrements.Increment> increments(@RequestParam(defaultValue = "50") int limit) {
        return increments.list(Math.min(Math.max(limit, 1), 1000));
    }

    /** Requests by status (SENT, ANSWERED, EXPIRED) and those of the latest runs. */
    @GetMapping("/requests")
    public NationalStatus.Requests requests(@RequestParam(defaultValue = "20") int runs) {
        return status.requests(Math.min(Math.max(runs, 1), 1000));
    }

    @GetMapping("/parked")
    public NationalStatus.Parked parked(@RequestParam(defaultValue = "100") int limit) {
        return status.parked(Math.min(Math.max(limit, 1), 1000));
    }
}
