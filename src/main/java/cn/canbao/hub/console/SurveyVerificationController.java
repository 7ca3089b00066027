package cn.canbao.hub.console;

import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' verification items (docs/survey.md): a survey team's DECEASED or MOVED_AWAY finding, OPEN until
 * POLICE states it after the survey (CONFIRMED) or an operator closes it (CLOSED).
 */
@RestController
@RequestMapping("/api/v1/survey-verifications")
public class SurveyVerificationController {

    /** Why an operator closes an item, e.g. what the household register says. */
    public record Closing(String note) {
    }

    private final SurveyFindings findings;

    public SurveyVerificationController(SurveyFindings findings) {
        this.findings = findings;
    }

    /**
     * @param status  OPEN (default), CONFIRMED, CLOSED or ALL
     * @param afterId the last id of the previous page (0: from the first)
     * @param limit   at most this many items (1..1000)
     */
    @GetMapping
    public List<SurveyFindings.Verification> list(@RequestParam(defaultValue = "OPEN") String status,
                                                  @RequestParam(defaultValue = "0") long afterId,
                                                  @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ApiException.BadRequest("limit: 1..1000, was " + limit);
        }
        return findings.verifications(status(status), afterId, limit);
    }

    @GetMapping("/{id}")
    public SurveyFindings.Verification item(@PathVariable long id) {
        return findings.verification(id).orElseThrow(() -> unknown(id));
    }

    /** Closes an item (200 with the item); closing a closed item again changes nothing. */
    @PostMapping("/{id}/close")
    public SurveyFindings.Verification close(@PathVariable long id, @RequestBody(required = false) Closing closing,
                                             Principal operator) {
        String note = closing == null ? null : closing.note();
        if (note != null && note.length() > 500) {
            throw new ApiException.BadRequest("note: at most 500 characters");
        }
        return findings.close(id, operator.getName(), note).orElseThrow(() -> unknown(id));
    }

    private static SurveyFindings.VerificationStatus status(String status) {
        if (status.equals("ALL")) {
            return null;
        }
        try {
            return SurveyFindings.VerificationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest("status: OPEN, CONFIRMED, CLOSED or ALL, was '" + status + "'");
        }
    }

    private static ApiException unknown(long id) {
        return new ApiException.NotFound("no verification item " + id);
    }
}
