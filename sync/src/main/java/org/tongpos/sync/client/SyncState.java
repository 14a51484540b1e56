package org.tongpos.sync.client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/** Small named values of the sync module (cursors, last contact, last error) in {@code sync_state}. */
public final class SyncState {

    private final Jdbc jdbc;

    public SyncState(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> text(String name) {
        return jdbc.inTransaction(c -> text(c, name));
    }

    public OptionalLong number(String name) {
        return jdbc.inTransaction(c -> number(c, name));
    }

    public void putText(String name, String value) {
        jdbc.inTransaction(c -> {
            putText(c, name, value);
            return null;
        });
    }

    public void putNumber(String name, long value) {
        jdbc.inTransaction(c -> {
            putNumber(c, name, value);
            return null;
        });
    }

    public static Optional<String> text(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT text_value FROM sync_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public static OptionalLong number(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT long_value FROM sync_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long value = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
                }
                return OptionalLong.empty();
            }
        }
    }

    public static void putText(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO sync_state (name, text_value) KEY (name) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    public static void putNumber(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO sync_state (name, long_value) KEY (name) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, value);
            ps.executeUpdate();
        }
    }
}
