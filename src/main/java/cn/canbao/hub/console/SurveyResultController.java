package cn.canbao.hub.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/survey-results} (spec §6; docs/survey.md): 201 when taken (flagged NOT_ON_ROSTER for a person
 * the latest run did not roster), 200 for a resultId posted again unchanged, 400 with the reasons naming each field,
 * 403 for a person outside the client's regions, 409 naming what differs for a resultId taken with other content.
 * The body is taken as bytes: the intake decodes them as UTF-8 strictly and answers an empty body itself, so neither
 * becomes a replacement character in the registry nor a refusal without reasons.
 */
@RestController
public class SurveyResultController {

    private final SurveyResultIntake intake;

    public SurveyResultController(SurveyResultIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/v1/survey-results", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SurveyResultIntake.Outcome> post(@RequestBody(required = false) byte[] body,
                                                           Authentication surveyor)
            throws JsonProcessingException {
        SurveyResultIntake.Outcome outcome = intake.take(body, surveyor.getName(), SurveyArea.of(surveyor));
        HttpStatus status = switch (outcome.status()) {
            case ACCEPTED -> HttpStatus.CREATED;
            case DUPLICATE -> HttpStatus.OK;
            case REJECTED -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(outcome);
    }
}
