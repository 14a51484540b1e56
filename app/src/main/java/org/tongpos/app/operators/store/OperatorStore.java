package org.tongpos.app.operators.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.storage.StorageException;

/**
 * Operators in the database. Reads open their own connection; writes run inside the caller's transaction, so that an
 * operator change and its audit record commit together.
 */
public final class OperatorStore {

    private static final String COLUMNS =
            "number, name, role, enabled, must_change_pin, failed_attempts, locked_until, pin_hash";

    private final DataSource dataSource;

    public OperatorStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An operator with the hash of their PIN, for the services that check PINs. */
    public record Credentials(Operator operator, String pinHash) {
    }

    public Optional<Operator> find(String number) {
        return credentials(number).map(Credentials::operator);
    }

    public Optional<Credentials> credentials(String number) {
        try (Connection c = dataSource.getConnection()) {
            return credentials(c, number);
        } catch (SQLException e) {
            throw new StorageException("cannot read operator " + number, e);
        }
    }

    public Optional<Credentials> credentials(Connection c, String number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM operator WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Credentials(toOperator(rs), rs.getString(8))) : Optional.empty();
            }
        }
    }

    /** Every operator, by number. */
    public List<Operator> all() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM operator ORDER BY number");
             ResultSet rs = s.executeQuery()) {
            List<Operator> operators = new ArrayList<>();
            while (rs.next()) {
                operators.add(toOperator(rs));
            }
            return operators;
        } catch (SQLException e) {
            throw new StorageException("cannot read the operators", e);
        }
    }

    public boolean isEmpty() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM operator");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new StorageException("cannot read the operators", e);
        }
    }

    /** Enabled operators of a role, inside the caller's transaction. */
    public int enabledCount(Connection c, Role role) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM operator WHERE role = ? AND enabled")) {
            s.setString(1, role.name());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Adds an operator; false when the number is taken (nothing written then). */
    public boolean insert(Connection c, Operator operator, String pinHash, String createdAt) throws SQLException {
        if (credentials(c, operator.number()).isPresent()) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO operator (number, name, role, pin_hash, "
                + "must_change_pin, enabled, failed_attempts, locked_until, created_at) VALUES (?,?,?,?,?,?,0,NULL,?)")) {
            s.setString(1, operator.number());
            s.setString(2, operator.name());
            s.setString(3, operator.role().name());
            s.setString(4, pinHash);
            s.setBoolean(5, operator.mustChangePin());
            s.setBoolean(6, operator.enabled());
            s.setString(7, createdAt);
            s.executeUpdate();
            return true;
        }
    }

    /** A new PIN hash; clears failed attempts and any lockout. */
    public void setPin(Connection c, String number, String pinHash, boolean mustChange) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE operator SET pin_hash = ?, must_change_pin = ?, "
                + "failed_attempts = 0, locked_until = NULL WHERE number = ?")) {
            s.setString(1, pinHash);
            s.setBoolean(2, mustChange);
            s.setString(3, number);
            expectOne(s.executeUpdate(), number);
        }
    }

    /** The same PIN hashed again (stronger settings); nothing else changes. */
    public void rehashPin(Connection c, String number, String pinHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE operator SET pin_hash = ? WHERE number = ?")) {
            s.setString(1, pinHash);
            s.setString(2, number);
            expectOne(s.executeUpdate(), number);
        }
    }

    public void setEnabled(Connection c, String number, boolean enabled) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE operator SET enabled = ? WHERE number = ?")) {
            s.setBoolean(1, enabled);
            s.setString(2, number);
            expectOne(s.executeUpdate(), number);
        }
    }

    /** Wrong PINs in a row, and the end of a lockout when they reached the limit. */
    public void setFailures(Connection c, String number, int failedAttempts, Optional<Instant> lockedUntil)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE operator SET failed_attempts = ?, locked_until = ? WHERE number = ?")) {
            s.setInt(1, failedAttempts);
            if (lockedUntil.isPresent()) {
                s.setLong(2, lockedUntil.get().toEpochMilli());
            } else {
                s.setNull(2, Types.BIGINT);
            }
            s.setString(3, number);
            expectOne(s.executeUpdate(), number);
        }
    }

    private static void expectOne(int updated, String number) {
        if (updated != 1) {
            throw new IllegalStateException("no operator " + number);
        }
    }

    private static Operator toOperator(ResultSet rs) throws SQLException {
        long locked = rs.getLong(7);
        Optional<Instant> lockedUntil = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(locked));
        return new Operator(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4),
                rs.getBoolean(5), rs.getInt(6), lockedUntil);
    }
}
