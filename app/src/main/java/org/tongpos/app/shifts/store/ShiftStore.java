package org.tongpos.app.shifts.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.shifts.domain.CashMovement;
import org.tongpos.app.shifts.domain.Shift;
import org.tongpos.app.storage.StorageException;

/** Shifts and their paid-in/paid-out movements (tables {@code shift}, {@code shift_movement}). */
public final class ShiftStore {

    private static final String COLUMNS = "id, opened_at, opened_by, float_fen, after_seq, closed_at, closed_by, "
            + "last_seq";

    private final DataSource dataSource;

    public ShiftStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What closing writes beside the close itself. */
    public record Closing(String closedAt, String closedBy, long lastSeq, Money expectedCash, Money countedCash,
                          String countDetail, String reason) {
    }

    /** The open shift, if there is one. */
    public Optional<Shift> open() {
        try (Connection c = dataSource.getConnection()) {
            return open(c);
        } catch (SQLException e) {
            throw new StorageException("cannot read the open shift", e);
        }
    }

    public Optional<Shift> open(Connection c) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM shift WHERE open_marker = 'OPEN'", null);
    }

    public Optional<Shift> byId(long id) {
        try (Connection c = dataSource.getConnection()) {
            return one(c, "SELECT " + COLUMNS + " FROM shift WHERE id = ?", id);
        } catch (SQLException e) {
            throw new StorageException("cannot read shift " + id, e);
        }
    }

    /** Inserts an open shift; the unique index refuses a second open one. */
    public Shift insertOpen(Connection c, String openedAt, String openedBy, Money openingFloat, long afterSeq)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO shift (opened_at, opened_by, float_fen, after_seq, "
                + "open_marker) VALUES (?,?,?,?,'OPEN')", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, openedAt);
            s.setString(2, openedBy);
            s.setLong(3, openingFloat.fen());
            s.setLong(4, afterSeq);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Shift(keys.getLong(1), openedAt, openedBy, openingFloat, afterSeq, Optional.empty(),
                        Optional.empty(), Optional.empty());
            }
        }
    }

    public void insertMovement(Connection c, long shiftId, CashMovement movement) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO shift_movement (shift_id, kind, amount_fen, reason, "
                + "occurred_at, operator) VALUES (?,?,?,?,?,?)")) {
            s.setLong(1, shiftId);
            s.setString(2, movement.kind().name());
            s.setLong(3, movement.amount().fen());
            s.setString(4, movement.reason());
            s.setString(5, movement.occurredAt());
            s.setString(6, movement.operator());
            s.executeUpdate();
        }
    }

    /** Closes the open shift {@code shiftId}; false when it was not open. */
    public boolean close(Connection c, long shiftId, Closing closing) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE shift SET closed_at = ?, closed_by = ?, last_seq = ?, "
                + "expected_cash_fen = ?, counted_cash_fen = ?, count_detail = ?, over_short_reason = ?, "
                + "open_marker = NULL WHERE id = ? AND open_marker = 'OPEN'")) {
            s.setString(1, closing.closedAt());
            s.setString(2, closing.closedBy());
            s.setLong(3, closing.lastSeq());
            s.setLong(4, closing.expectedCash().fen());
            s.setLong(5, closing.countedCash().fen());
            s.setString(6, closing.countDetail());
            s.setString(7, closing.reason());
            s.setLong(8, shiftId);
            return s.executeUpdate() == 1;
        }
    }

    public List<CashMovement> movements(long shiftId) {
        List<CashMovement> movements = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT kind, amount_fen, reason, occurred_at, operator "
                     + "FROM shift_movement WHERE shift_id = ? ORDER BY id")) {
            s.setLong(1, shiftId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    movements.add(new CashMovement(CashMovement.Kind.valueOf(rs.getString(1)),
                            Money.ofFen(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the drawer movements of shift " + shiftId, e);
        }
        return movements;
    }

    private static Optional<Shift> one(Connection c, String sql, Long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setLong(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long lastSeq = rs.getLong(8);
                Optional<Long> last = rs.wasNull() ? Optional.empty() : Optional.of(lastSeq);
                return Optional.of(new Shift(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Money.ofFen(rs.getLong(4)), rs.getLong(5), Optional.ofNullable(rs.getString(6)),
                        Optional.ofNullable(rs.getString(7)), last));
            }
        }
    }
}
