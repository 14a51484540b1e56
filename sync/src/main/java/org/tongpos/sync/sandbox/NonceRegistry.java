package org.tongpos.sync.sandbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Nonces a terminal has used in the last ten minutes, kept in the database so a restarted bank still
 * refuses a replay. Old nonces are pruned now and then.
 */
final class NonceRegistry {

    static final long WINDOW_SECONDS = 600;
    private static final int PRUNE_EVERY = 500;

    private final SandboxDatabase database;
    private int usesSincePrune;

    NonceRegistry(SandboxDatabase database) {
        this.database = database;
    }

    /** Records the nonce; false when the terminal used it within the window (a replay). */
    boolean useOnce(String terminalId, String nonce, long nowEpochSeconds) {
        return database.inTransaction(connection -> {
            pruneNowAndThen(connection, nowEpochSeconds);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seen_at FROM nonces WHERE terminal_id = ? AND nonce = ?")) {
                select.setString(1, terminalId);
                select.setString(2, nonce);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next() && rows.getLong(1) > nowEpochSeconds - WINDOW_SECONDS) {
                        return false;
                    }
                }
            }
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO nonces (terminal_id, nonce, seen_at) KEY (terminal_id, nonce) VALUES (?, ?, ?)")) {
                merge.setString(1, terminalId);
                merge.setString(2, nonce);
                merge.setLong(3, nowEpochSeconds);
                merge.executeUpdate();
            }
            return true;
        });
    }

    private void pruneNowAndThen(java.sql.Connection connection, long nowEpochSeconds) throws java.sql.SQLException {
        if (++usesSincePrune < PRUNE_EVERY) {
            return;
        }
        usesSincePrune = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM nonces WHERE seen_at <= ?")) {
            delete.setLong(1, nowEpochSeconds - WINDOW_SECONDS);
            delete.executeUpdate();
        }
    }
}
