package cn.canbao.hub.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/survey-results} (spec §6): 201 when taken, 200 for a repeated resultId, 422 with reasons. */
@RestController
public class SurveyResultController {

    private final SurveyResultIntake intake;

    public SurveyResultController(SurveyResultIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/survey-results", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SurveyResultIntake.Outcome> post(@RequestBody String body, Principal surveyor)
            throws JsonProcessingException {
        SurveyResultIntake.Outcome outcome = intake.take(body, surveyor.getName());
        HttpStatus status = switch (outcome.status()) {
            case ACCEPTED -> HttpStatus.CREATED;
            case DUPLICATE -> HttpStatus.OK;
            case REJECTED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return ResponseEntity.status(status).body(outcome);
    }
}
