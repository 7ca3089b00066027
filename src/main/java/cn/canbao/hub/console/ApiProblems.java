package cn.canbao.hub.console;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers the API's refusals ({@link ApiException}) and Spring MVC's own (a Content-Type the endpoint does not take,
 * a body it cannot read, a missing parameter) as RFC 9457 problem details whose {@code detail} is the reason, written
 * in the request itself: left to the servlet container's error page, the reason would not be shown, and a survey
 * client would get an empty answer.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refusal(ApiException refusal) {
        return ResponseEntity.status(refusal.getStatusCode()).body(refusal.getBody());
    }
}
