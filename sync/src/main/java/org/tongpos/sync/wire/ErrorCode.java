package org.tongpos.sync.wire;

/** The contract's error codes and the HTTP status each comes with. */
public enum ErrorCode {
    PARAM_ERROR(400),
    SIGN_ERROR(401),
    REPLAYED(401),
    NOT_FOUND(404),
    NOT_READY(404),
    IDEMPOTENCY_MISMATCH(409),
    SEQ_GAP(409),
    BATCH_TOO_LARGE(413),
    CHAIN_BROKEN(422),
    TOTALS_MISMATCH(422),
    RATE_LIMITED(429),
    SYSTEM_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
