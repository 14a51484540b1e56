package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.TillChecks;
import org.tongpos.app.storage.StorageException;

/** Reads the discounts by promotion (V55) and the closed shifts' cash counts (V27) of a range. Read-only. */
public final class TillReportStore {

    private final DataSource dataSource;

    public TillReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public TillChecks checks(DateRange range) {
        try (Connection c = dataSource.getConnection()) {
            return new TillChecks(discounts(c, range), shifts(c, range));
        } catch (SQLException e) {
            throw new StorageException("cannot read the discounts and shift counts", e);
        }
    }

    /**
     * By promotion, the largest discount first; a promotion renamed since counts under its latest name. Read from the
     * discounts, each looked up in the journal: as a join H2 walked every sale of the range first (a year: 307,000
     * journal rows, 1.7 s, with no discount at all).
     */
    private static List<TillChecks.Discount> discounts(Connection c, DateRange range) throws SQLException {
        List<TillChecks.Discount> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT d.promotion_id, MAX(d.name), COUNT(DISTINCT d.txn_id), "
                + "SUM(d.amount_fen) FROM sale_discount d WHERE EXISTS (SELECT 1 FROM journal j "
                + "WHERE j.txn_id = d.txn_id AND j.kind = 'SALE' AND j.business_date BETWEEN ? AND ?) "
                + "GROUP BY d.promotion_id ORDER BY SUM(d.amount_fen) DESC, d.promotion_id")) {
            s.setString(1, range.from().toString());
            s.setString(2, range.to().toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new TillChecks.Discount(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)));
                }
            }
        }
        return rows;
    }

    /** Shifts closed on a day of the range (their local close time), in order. */
    private static List<TillChecks.ShiftCount> shifts(Connection c, DateRange range) throws SQLException {
        List<TillChecks.ShiftCount> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, opened_by, closed_at, closed_by, expected_cash_fen, "
                + "counted_cash_fen, COALESCE(over_short_reason, '') FROM shift WHERE closed_at IS NOT NULL "
                + "AND closed_at >= ? AND closed_at < ? ORDER BY id")) {
            s.setString(1, range.from().toString());
            s.setString(2, range.to().plusDays(1).toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new TillChecks.ShiftCount(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getLong(5), r.getLong(6), r.getString(7)));
                }
            }
        }
        return rows;
    }
}
