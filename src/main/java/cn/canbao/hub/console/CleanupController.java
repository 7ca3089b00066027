package cn.canbao.hub.console;

import cn.canbao.hub.compare.ComparisonResults;
import cn.canbao.hub.compare.ComparisonRuns;
import cn.canbao.hub.registry.QuarantineCleanup;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clean-up (清理重复、剔除无效、纠正错误): candidate persons for quarantined records with an invalid identity number,
 * the operator's decision on each, and the persons a run found holding duplicate participations.
 */
@RestController
@RequestMapping("/api/v1/cleanup")
public class CleanupController {

    /** {@code decision}: CONFIRMED (the record is this person) or REJECTED. */
    public record DecisionRequest(String decision) {
    }

    private static final Set<String> STATUSES = Set.of("PENDING", "CONFIRMED", "REJECTED");

    private final QuarantineCleanup cleanup;
    private final ComparisonRuns runs;
    private final ComparisonResults results;

    public CleanupController(QuarantineCleanup cleanup, ComparisonRuns runs, ComparisonResults results) {
        this.cleanup = cleanup;
        this.runs = runs;
        this.results = results;
    }

    @GetMapping("/candidates")
    public List<QuarantineCleanup.Candidate> candidates(@RequestParam(defaultValue = "PENDING") String status,
                                                        @RequestParam(defaultValue = "100") int limit) {
        if (!STATUSES.contains(status)) {
            throw new ApiException.BadRequest("status must be one of " + STATUSES);
        }
        return cleanup.list(status, Math.min(Math.max(limit, 1), 1000));
    }

    @PostMapping("/candidates/{id}/decision")
    public QuarantineCleanup.Candidate decide(@PathVariable long id, @RequestBody DecisionRequest request,
                                              Principal operator) {
        if (request == null || !"CONFIRMED".equals(request.decision()) && !"REJECTED".equals(request.decision())) {
            throw new ApiException.BadRequest("decision must be CONFIRMED or REJECTED");
        }
        return cleanup.decide(id, "CONFIRMED".equals(request.decision()), operator.getName())
                .orElseThrow(() -> new ApiException.NotFound("no candidate " + id));
    }

    /** Persons flagged DUPLICATE in a run (the latest completed one by default), with the participations. */
    @GetMapping("/duplicates")
    public List<ComparisonResults.Result> duplicates(@RequestParam(required = false) Long run,
                                                     @RequestParam(defaultValue = "1000") int limit) {
        long runId = run != null ? run : runs.latestCompleted().map(ComparisonRuns.Run::id)
                .orElseThrow(() -> new ApiException.NotFound("no completed comparison run yet"));
        return results.duplicates(runId, Math.min(Math.max(limit, 1), 10_000));
    }
}
