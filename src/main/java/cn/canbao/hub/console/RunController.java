package cn.canbao.hub.console;

import cn.canbao.hub.compare.ComparisonRuns;
import cn.canbao.hub.compare.RunDiffs;
import cn.canbao.hub.compare.RunInProgressException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Comparison runs: start one (today or a given as-of date), list them, and diff two of them. */
@RestController
@RequestMapping("/api/v1/runs")
public class RunController {

    /** The body of POST /api/v1/runs; {@code asOf} defaults to today in the province's time zone. */
    public record RunRequest(LocalDate asOf) {
    }

    private final ComparisonRuns runs;
    private final RunDiffs diffs;

    public RunController(ComparisonRuns runs, RunDiffs diffs) {
        this.runs = runs;
        this.diffs = diffs;
    }

    /** Starts a run in the background: 202 with the run (RUNNING) and its location; 409 while one is running. */
    @PostMapping
    public ResponseEntity<ComparisonRuns.Run> start(@RequestBody(required = false) RunRequest request) {
        try {
            ComparisonRuns.Run run = runs.start(request == null ? null : request.asOf(), "API");
            return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run.id())).body(run);
        } catch (RunInProgressException e) {
            throw new ApiException.Conflict(e.getMessage());
        }
    }

    @GetMapping
    public List<ComparisonRuns.Run> list(@RequestParam(defaultValue = "50") int limit) {
        return runs.list(Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/{id}")
    public ComparisonRuns.Run run(@PathVariable long id) {
        return runs.find(id).orElseThrow(() -> new ApiException.NotFound("no run " + id));
    }

    /** Persons whose category or flags differ, paged by identity number ({@code after} = nextAfter of a page). */
    @GetMapping("/{id}/diff/{otherId}")
    public RunDiffs.Diff diff(@PathVariable long id, @PathVariable long otherId,
                              @RequestParam(required = false) String after,
                              @RequestParam(defaultValue = "1000") int limit) {
        try {
            return diffs.diff(id, otherId, after, Math.min(Math.max(limit, 1), 10_000))
                    .orElseThrow(() -> new ApiException.NotFound("no run " + id + " or no run " + otherId));
        } catch (IllegalStateException e) {
            throw new ApiException.Conflict(e.getMessage());
        }
    }
}
