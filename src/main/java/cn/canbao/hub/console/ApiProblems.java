package cn.canbao.hub.console;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the API's refusals ({@link ApiException}) as RFC 9457 problem details whose {@code detail} is the reason,
 * written in the request itself: left to the servlet container's error page, the reason would not be shown, and a
 * survey client, which may not call the error page, would get 403 for every refusal.
 */
@RestControllerAdvice
class ApiProblems {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refusal(ApiException refusal) {
        return ResponseEntity.status(refusal.getStatusCode()).body(refusal.getBody());
    }
}
