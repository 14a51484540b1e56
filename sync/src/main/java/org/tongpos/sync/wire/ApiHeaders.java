package org.tongpos.sync.wire;

/** Header names of the Settlement API. */
public final class ApiHeaders {

    public static final String AUTHORIZATION = "Authorization";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String TONG_TIMESTAMP = "Tong-Timestamp";
    public static final String TONG_NONCE = "Tong-Nonce";
    public static final String TONG_SIGNATURE = "Tong-Signature";

    private ApiHeaders() {
    }
}
