package io.polaroid.http;

import io.polaroid.error.ErrorCode;
import java.util.Objects;

/**
 * A request refused by the HTTP layer itself, before the engine saw it: a body that is not JSON, a missing
 * API key, an unknown path. Carries the HTTP status and the SQLState-style code of the JSON error body.
 */
final class HttpFailure extends RuntimeException {
    /** PostgreSQL's program_limit_exceeded: the request body is over the size limit. */
    static final String TOO_LARGE_CODE = "54000";
    /** PostgreSQL's undefined_object: no such endpoint. */
    static final String NO_SUCH_PATH_CODE = "42704";

    private final int status;
    private final String code;

    HttpFailure(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    static HttpFailure badRequest(String message) {
        return new HttpFailure(400, ErrorCode.INVALID_PARAMETER_VALUE.sqlState(), message);
    }

    static HttpFailure unauthenticated(String message) {
        return new HttpFailure(401, ErrorCode.INVALID_AUTHORIZATION.sqlState(), message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
