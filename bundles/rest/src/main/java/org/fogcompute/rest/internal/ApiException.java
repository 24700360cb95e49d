package org.fogcompute.rest.internal;

import java.util.Map;

/** An answer other than success: HTTP status, the offending field if there is one, and headers to add. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String field;
    final transient Map<String, String> headers;

    ApiException(int status, String field, String message) {
        this(status, field, message, Map.of());
    }

    ApiException(int status, String field, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.headers = headers;
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message);
    }

    static ApiException unprocessable(String field, String message) {
        return new ApiException(422, field, message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, null, message);
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, null, message, Map.of("WWW-Authenticate", "Bearer realm=\"fog\""));
    }
}
