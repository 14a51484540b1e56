package org.tongpos.sync.client;

import java.util.Objects;

/**
 * One request to the bank, kept whole so that a retry sends exactly the same bytes and the same
 * Idempotency-Key (and is signed afresh).
 *
 * @param pathAndQuery     the target from {@code /v1}, e.g. {@code /v1/terminals/T0001/cursor}
 * @param body             exact body bytes, or {@code null} for none
 * @param idempotencyKey   the {@code Idempotency-Key}, or {@code null}
 */
public record BankRequest(String method, String pathAndQuery, byte[] body, String idempotencyKey) {

    public BankRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        if (!pathAndQuery.startsWith("/v1/")) {
            throw new IllegalArgumentException("request targets start at /v1: " + pathAndQuery);
        }
    }

    public static BankRequest get(String pathAndQuery) {
        return new BankRequest("GET", pathAndQuery, null, null);
    }

    public static BankRequest post(String pathAndQuery, byte[] body, String idempotencyKey) {
        return new BankRequest("POST", pathAndQuery, body, idempotencyKey);
    }

    /** A POST without body or key (payment reversal). */
    public static BankRequest postEmpty(String pathAndQuery) {
        return new BankRequest("POST", pathAndQuery, new byte[0], null);
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery + (idempotencyKey == null ? "" : " key=" + idempotencyKey);
    }
}
