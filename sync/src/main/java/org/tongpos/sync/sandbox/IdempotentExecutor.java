package org.tongpos.sync.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.tongpos.sync.journal.EntryHashes;
import org.tongpos.sync.wire.ApiHeaders;
import org.tongpos.sync.wire.ErrorCode;

/**
 * Runs a keyed request at most once. The first executed answer (2xx only) is stored with the SHA-256 of
 * the request body, in the same transaction as the work itself, and replayed for the same key and body
 * with {@code Idempotent-Replayed: true}; the same key with other bytes is {@code 409
 * IDEMPOTENCY_MISMATCH}. A rejected request stores nothing, so its key can be used again. Records never
 * expire. Keys are scoped by endpoint ({@code POST /v1/terminals/T0001/batches}, {@code POST /v1/payments}…).
 */
final class IdempotentExecutor {

    @FunctionalInterface
    interface KeyedWork {
        /** Runs inside the transaction; throws {@link ApiException} to reject (and roll back). */
        ApiResponse run(Connection connection, String idempotencyKey) throws SQLException;
    }

    private final SandboxDatabase database;
    private final Clock clock;

    IdempotentExecutor(SandboxDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    ApiResponse execute(RequestContext request, KeyedWork work) {
        String key = request.header(ApiHeaders.IDEMPOTENCY_KEY).map(String::trim).orElse("");
        if (key.isEmpty()) {
            throw ApiException.param("Idempotency-Key header is required");
        }
        if (key.length() > 200) {
            throw ApiException.param("Idempotency-Key is longer than 200 characters");
        }
        String scope = request.method() + " " + request.path();
        String bodyHash = EntryHashes.sha256Hex(request.body());
        return database.durably(connection -> {
            StoredResponse stored = find(connection, scope, key);
            if (stored != null) {
                if (!stored.requestSha256.equals(bodyHash)) {
                    throw new ApiException(ErrorCode.IDEMPOTENCY_MISMATCH,
                            "Idempotency-Key " + key + " was used with a different request body");
                }
                return ApiResponse.json(stored.status, stored.body).withHeader(ApiHeaders.IDEMPOTENT_REPLAYED, "true");
            }
            ApiResponse response = work.run(connection, key);
            if (response.status() >= 200 && response.status() < 300) {
                store(connection, scope, key, bodyHash, response);
            }
            return response;
        });
    }

    private record StoredResponse(String requestSha256, int status, byte[] body) {
    }

    private static StoredResponse find(Connection connection, String scope, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT request_sha256, status, body FROM idempotency_records WHERE scope = ? AND idem_key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new StoredResponse(rows.getString(1), rows.getInt(2), rows.getBytes(3)) : null;
            }
        }
    }

    private void store(Connection connection, String scope, String key, String bodyHash, ApiResponse response)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO idempotency_records (scope, idem_key, request_sha256, status, body, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, bodyHash);
            insert.setInt(4, response.status());
            insert.setBytes(5, response.body());
            insert.setString(6, BankTime.now(clock));
            insert.executeUpdate();
        }
    }
}
