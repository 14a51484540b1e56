package org.tongpos.sync.sandbox;

import java.util.Map;
import org.tongpos.sync.wire.ApiError;
import org.tongpos.sync.wire.ErrorCode;

/** A request the bank rejects: answered with the code's HTTP status and an {@link ApiError} body. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Map<String, Object> details;

    ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details;
    }

    ErrorCode code() {
        return code;
    }

    ApiError toError() {
        return ApiError.of(code, getMessage(), details);
    }

    static ApiException param(String message) {
        return new ApiException(ErrorCode.PARAM_ERROR, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }
}
