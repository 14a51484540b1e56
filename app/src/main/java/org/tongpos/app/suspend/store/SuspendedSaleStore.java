package org.tongpos.app.suspend.store;

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
import org.tongpos.app.suspend.domain.SuspendedSale;
import org.tongpos.app.storage.StorageException;

/** Suspended sales and their lines (tables {@code suspended_sale}, {@code suspended_line}). */
public final class SuspendedSaleStore {

    private final DataSource dataSource;

    public SuspendedSaleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long insert(Connection c, String suspendedAt, String cashier, Money total, List<SuspendedSale.Line> lines)
            throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO suspended_sale (suspended_at, cashier, total_fen) "
                + "VALUES (?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, suspendedAt);
            s.setString(2, cashier);
            s.setLong(3, total.fen());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO suspended_line (sale_id, line_no, barcode, name, "
                + "quantity, unit_price_fen, amount_fen) VALUES (?,?,?,?,?,?,?)")) {
            int lineNo = 1;
            for (SuspendedSale.Line line : lines) {
                s.setLong(1, id);
                s.setInt(2, lineNo++);
                s.setString(3, line.barcode());
                s.setString(4, line.name());
                s.setLong(5, line.quantity());
                s.setLong(6, line.unitPrice().fen());
                s.setLong(7, line.amount().fen());
                s.addBatch();
            }
            s.executeBatch();
        }
        return id;
    }

    /** Every suspended sale, oldest first, with its lines. */
    public List<SuspendedSale> list() {
        List<SuspendedSale> sales = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, suspended_at, cashier, total_fen FROM suspended_sale ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                sales.add(new SuspendedSale(id, rs.getString(2), rs.getString(3), Money.ofFen(rs.getLong(4)),
                        lines(c, id)));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the suspended sales", e);
        }
        return sales;
    }

    public Optional<SuspendedSale> byId(long id) {
        return list().stream().filter(s -> s.id() == id).findFirst();
    }

    /** Removes a suspended sale; false when it was not there (resumed already). */
    public boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM suspended_sale WHERE id = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }

    private static List<SuspendedSale.Line> lines(Connection c, long id) throws SQLException {
        List<SuspendedSale.Line> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT barcode, name, quantity, unit_price_fen, amount_fen "
                + "FROM suspended_line WHERE sale_id = ? ORDER BY line_no")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(new SuspendedSale.Line(rs.getString(1), rs.getString(2), rs.getLong(3),
                            Money.ofFen(rs.getLong(4)), Money.ofFen(rs.getLong(5))));
                }
            }
        }
        return lines;
    }
}
