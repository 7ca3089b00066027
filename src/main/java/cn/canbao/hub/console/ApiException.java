package cn.canbao.hub.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The API's refusals; Spring MVC renders them as RFC 9457 problem details. */
abstract class ApiException extends ResponseStatusException {

    ApiException(HttpStatus status, String reason) {
        super(status, reason);
    }

    static final class BadRequest extends ApiException {
        BadRequest(String reason) {
            super(HttpStatus.BAD_REQUEST, reason);
        }
    }

    static final class Forbidden extends ApiException {
        Forbidden(String reason) {
            super(HttpStatus.FORBIDDEN, reason);
        }
    }

    static final class NotFound extends ApiException {
        NotFound(String reason) {
            super(HttpStatus.NOT_FOUND, reason);
        }
    }

    static final class Conflict extends ApiException {
        Conflict(String reason) {
            super(HttpStatus.CONFLICT, reason);
        }
    }
}
