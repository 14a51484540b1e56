package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.tongpos.app.journal.store.JournalStore;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.domain.SalesTotals;
import org.tongpos.app.storage.StorageException;
import org.tongpos.sync.journal.EntryTender;

/**
 * Reads sales figures straight from the journal and the rows recorded with it (sale, sale_line, sale_tender), and the
 * voids from the audit log. Read-only: nothing here writes.
 */
public final class SalesReportStore {

    private final DataSource dataSource;

    public SalesReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SalesTotals totals(DateRange range) {
        try (Connection c = dataSource.getConnection()) {
            long sales = 0;
            long salesFen = 0;
            long refunds = 0;
            long refundsFen = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT kind, COUNT(*), COALESCE(SUM(amount_fen), 0) "
                    + "FROM journal WHERE kind IN ('SALE', 'REFUND') AND business_date BETWEEN ? AND ? GROUP BY kind")) {
                bind(s, range);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if ("SALE".equals(r.getString(1))) {
                            sales = r.getLong(2);
                            salesFen = r.getLong(3);
                        } else {
                            refunds = r.getLong(2);
                            refundsFen = r.getLong(3);
                        }
                    }
                }
            }
            long lines = 0;
            long costed = 0;
            long cost = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), "
                    + "COALESCE(SUM(CASE WHEN l.cost_fen IS NULL THEN 0 ELSE l.amount_fen END), 0), "
                    + "COALESCE(SUM(l.cost_fen), 0) FROM journal j JOIN sale_line l ON l.txn_id = j.txn_id "
                    + "WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ?")) {
                bind(s, range);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    lines = r.getLong(1);
                    costed = r.getLong(2);
                    cost = r.getLong(3);
                }
            }
            long voids = 0;
            long voidsFen = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM audit_log "
                    + "WHERE action IN ('VOID_LINE', 'VOID_SALE') AND occurred_at >= ? AND occurred_at < ?")) {
                s.setString(1, range.from().toString());
                s.setString(2, range.to().plusDays(1).toString());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    voids = r.getLong(1);
                    voidsFen = r.getLong(2);
                }
            }
            long returnedCosted = 0;
            long returnedCost = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT "
                    + "COALESCE(SUM(CASE WHEN l.cost_fen IS NULL THEN 0 ELSE r.amount_fen END), 0), "
                    + "COALESCE(SUM(CASE WHEN l.cost_fen IS NULL THEN 0 ELSE l.cost_fen * r.quantity / l.quantity END), 0) "
                    + "FROM journal j JOIN sale_return sr ON sr.refund_txn_id = j.txn_id "
                    + "JOIN sale_return_line r ON r.refund_txn_id = sr.refund_txn_id "
                    + "JOIN sale_line l ON l.txn_id = sr.original_txn_id AND l.line_no = r.line_no "
                    + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ?")) {
                bind(s, range);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    returnedCosted = r.getLong(1);
                    returnedCost = r.getLong(2);
                }
            }
            return new SalesTotals(sales, salesFen, lines, refunds, refundsFen, voids, voidsFen, costed, cost,
                    returnedCosted, returnedCost);
        } catch (SQLException e) {
            throw new StorageException("cannot read the sales totals", e);
        }
    }

    /** The breakdown by the grouping, largest amount first (by hour and by day: in time order). */
    public List<ReportRow> rows(DateRange range, SalesGrouping by) {
        String sql = switch (by) {
            case HOUR -> "SELECT SUBSTRING(j.occurred_at, 12, 2) k, COUNT(*), 0, SUM(j.amount_fen), 0, 0 FROM journal j "
                    + "WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY k";
            case DAY -> "SELECT j.business_date k, COUNT(*), 0, SUM(j.amount_fen), 0, 0 FROM journal j "
                    + "WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY k";
            case TENDER -> "SELECT t.method k, COUNT(*), 0, SUM(t.amount_fen), 0, 0 FROM journal j "
                    + "JOIN sale_tender t ON t.txn_id = j.txn_id "
                    + "WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY 4 DESC, k";
            case CASHIER -> "SELECT s.cashier k, COUNT(*), 0, SUM(j.amount_fen), 0, 0 FROM journal j "
                    + "JOIN sale s ON s.txn_id = j.txn_id "
                    + "WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY 4 DESC, k";
            case CATEGORY -> "SELECT COALESCE(p.category, '?') k, COUNT(*), SUM(l.quantity), SUM(l.amount_fen), "
                    + LINE_COST + " FROM journal j JOIN sale_line l ON l.txn_id = j.txn_id "
                    + "LEFT JOIN product p ON p.id = l.product_id "
                    + "WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY 4 DESC, k";
            case PRODUCT -> "SELECT l.name k, COUNT(*), SUM(l.quantity), SUM(l.amount_fen), " + LINE_COST
                    + " FROM journal j JOIN sale_line l ON l.txn_id = j.txn_id "
                    + "WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY 4 DESC, k";
        };
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, range);
            List<ReportRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new ReportRow(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                            r.getLong(6)));
                }
            }
            return withRefunds(c, range, by, rows);
        } catch (SQLException e) {
            throw new StorageException("cannot read the sales by " + by, e);
        }
    }

    /**
     * Adds the refunds of the range to the rows by the same key (a key with refunds only gets a row of its own, after
     * the others): by hour and day of the refund, by tender as refunded, by the cashier who refunded (the original
     * sale's cashier for a refund without a return record), by product and category the returned lines.
     */
    private static List<ReportRow> withRefunds(Connection c, DateRange range, SalesGrouping by, List<ReportRow> rows)
            throws SQLException {
        Map<String, long[]> refunds = new LinkedHashMap<>();
        if (by == SalesGrouping.TENDER) {
            try (PreparedStatement s = c.prepareStatement("SELECT tenders FROM journal "
                    + "WHERE kind = 'REFUND' AND business_date BETWEEN ? AND ? ORDER BY seq")) {
                bind(s, range);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        for (EntryTender t : JournalStore.TenderText.parse(r.getString(1))) {
                            long[] sum = refunds.computeIfAbsent(t.method().name(), k -> new long[2]);
                            sum[0]++;
                            sum[1] += t.amountFen();
                        }
                    }
                }
            }
        } else {
            String sql = switch (by) {
                case HOUR -> "SELECT SUBSTRING(j.occurred_at, 12, 2) k, COUNT(*), SUM(j.amount_fen) FROM journal j "
                        + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY k";
                case DAY -> "SELECT j.business_date k, COUNT(*), SUM(j.amount_fen) FROM journal j "
                        + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY k";
                case CASHIER -> "SELECT COALESCE(sr.cashier, nr.cashier, os.cashier, '?') k, COUNT(*), "
                        + "SUM(j.amount_fen) FROM journal j LEFT JOIN sale_return sr ON sr.refund_txn_id = j.txn_id "
                        + "LEFT JOIN no_receipt_return nr ON nr.refund_txn_id = j.txn_id "
                        + "LEFT JOIN sale os ON os.txn_id = j.original_txn_id "
                        + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ? GROUP BY k ORDER BY k";
                // returns against a receipt by the sale's lines, and returns without one by their own lines
                case PRODUCT -> "SELECT k, SUM(n), SUM(a) FROM (SELECT l.name k, COUNT(*) n, SUM(r.amount_fen) a "
                        + "FROM journal j JOIN sale_return sr ON sr.refund_txn_id = j.txn_id "
                        + "JOIN sale_return_line r ON r.refund_txn_id = sr.refund_txn_id "
                        + "JOIN sale_line l ON l.txn_id = sr.original_txn_id AND l.line_no = r.line_no "
                        + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ? GROUP BY l.name "
                        + "UNION ALL SELECT nl.name k, COUNT(*) n, SUM(nl.amount_fen) a FROM journal j "
                        + "JOIN no_receipt_return_line nl ON nl.refund_txn_id = j.txn_id "
                        + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ? GROUP BY nl.name) u "
                        + "GROUP BY k ORDER BY k";
                case CATEGORY -> "SELECT k, SUM(n), SUM(a) FROM (SELECT COALESCE(p.category, '?') k, COUNT(*) n, "
                        + "SUM(r.amount_fen) a FROM journal j "
                        + "JOIN sale_return sr ON sr.refund_txn_id = j.txn_id "
                        + "JOIN sale_return_line r ON r.refund_txn_id = sr.refund_txn_id "
                        + "JOIN sale_line l ON l.txn_id = sr.original_txn_id AND l.line_no = r.line_no "
                        + "LEFT JOIN product p ON p.id = l.product_id "
                        + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ? GROUP BY COALESCE(p.category, '?') "
                        + "UNION ALL SELECT COALESCE(p.category, '?') k, COUNT(*) n, SUM(nl.amount_fen) a "
                        + "FROM journal j JOIN no_receipt_return_line nl ON nl.refund_txn_id = j.txn_id "
                        + "LEFT JOIN product p ON p.id = nl.product_id "
                        + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ? "
                        + "GROUP BY COALESCE(p.category, '?')) u GROUP BY k ORDER BY k";
                case TENDER -> throw new IllegalStateException("tenders are read above");
            };
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, range);
                if (by == SalesGrouping.PRODUCT || by == SalesGrouping.CATEGORY) {
                    s.setString(3, range.from().toString());
                    s.setString(4, range.to().toString());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        refunds.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
                    }
                }
            }
        }
        return merge(rows, refunds, by == SalesGrouping.HOUR || by == SalesGrouping.DAY);
    }

    /**
     * The lines of the range by product id (the key: the id as text), with the returned lines by the same id: what
     * the summaries keep so that categories are those the catalog has when the report is read.
     */
    public List<ReportRow> rowsByProductId(DateRange range) {
        try (Connection c = dataSource.getConnection()) {
            List<ReportRow> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT CAST(l.product_id AS VARCHAR) k, COUNT(*), "
                    + "SUM(l.quantity), SUM(l.amount_fen), " + LINE_COST + " FROM journal j "
                    + "JOIN sale_line l ON l.txn_id = j.txn_id "
                    + "WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ? GROUP BY l.product_id ORDER BY 4 DESC, k")) {
                bind(s, range);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new ReportRow(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                                r.getLong(6)));
                    }
                }
            }
            Map<String, long[]> refunds = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT CAST(l.product_id AS VARCHAR) k, COUNT(*), "
                    + "SUM(r.amount_fen) FROM journal j JOIN sale_return sr ON sr.refund_txn_id = j.txn_id "
                    + "JOIN sale_return_line r ON r.refund_txn_id = sr.refund_txn_id "
                    + "JOIN sale_line l ON l.txn_id = sr.original_txn_id AND l.line_no = r.line_no "
                    + "WHERE j.kind = 'REFUND' AND j.business_date BETWEEN ? AND ? GROUP BY l.product_id ORDER BY k")) {
                bind(s, range);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        refunds.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
                    }
                }
            }
            return merge(rows, refunds, false);
        } catch (SQLException e) {
            throw new StorageException("cannot read the sales by product id", e);
        }
    }

    private static List<ReportRow> merge(List<ReportRow> rows, Map<String, long[]> refunds, boolean byKey) {
        if (refunds.isEmpty()) {
            return rows;
        }
        List<ReportRow> merged = new ArrayList<>(rows.size() + 1);
        for (ReportRow row : rows) {
            long[] refund = refunds.remove(row.key());
            merged.add(refund == null ? row : row.withRefunds(refund[0], refund[1]));
        }
        refunds.forEach((key, refund) -> merged.add(new ReportRow(key, 0, 0, 0, 0, 0, refund[0], refund[1])));
        if (byKey) {
            merged.sort(java.util.Comparator.comparing(ReportRow::key));
        }
        return merged;
    }

    private static final String LINE_COST = "COALESCE(SUM(CASE WHEN l.cost_fen IS NULL THEN 0 ELSE l.amount_fen END), 0), "
            + "COALESCE(SUM(l.cost_fen), 0)";

    /**
     * Catalog products with no sale line in {@code window}, with the day they last sold before it (or "" if never),
     * at most {@code max}, longest unsold first.
     */
    public List<SalesReport.SlowMover> slowMovers(DateRange window, int max) {
        String sql = "SELECT p.plu, p.name, p.category, (SELECT MAX(j2.business_date) FROM sale_line l2 "
                + "JOIN journal j2 ON j2.txn_id = l2.txn_id WHERE l2.product_id = p.id AND j2.business_date < ?) last "
                + "FROM product p WHERE NOT EXISTS (SELECT 1 FROM sale_line l JOIN journal j ON j.txn_id = l.txn_id "
                + "WHERE l.product_id = p.id AND j.business_date BETWEEN ? AND ?) "
                + "ORDER BY last NULLS FIRST, p.plu LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, window.from().toString());
            s.setString(2, window.from().toString());
            s.setString(3, window.to().toString());
            s.setInt(4, max);
            List<SalesReport.SlowMover> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String last = r.getString(4);
                    rows.add(new SalesReport.SlowMover(r.getString(1), r.getString(2), r.getString(3),
                            last == null ? "" : last));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("cannot read the slow movers", e);
        }
    }

    /**
     * The sale lines of a range (drill-down), in the order sold, optionally of one hour of the day only ("09"), at most
     * {@code max}.
     */
    public List<org.tongpos.app.reports.domain.SaleLineDetail> lines(DateRange range, String hour, int max) {
        String sql = "SELECT j.occurred_at, s.receipt_no, s.cashier, l.line_no, l.name, l.quantity, l.weighed, "
                + "l.amount_fen, l.cost_fen FROM journal j JOIN sale s ON s.txn_id = j.txn_id "
                + "JOIN sale_line l ON l.txn_id = j.txn_id WHERE j.kind = 'SALE' AND j.business_date BETWEEN ? AND ? "
                + (hour == null ? "" : "AND SUBSTRING(j.occurred_at, 12, 2) = ? ") + "ORDER BY j.seq, l.line_no LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, range);
            int i = 3;
            if (hour != null) {
                s.setString(i++, hour);
            }
            s.setInt(i, max);
            List<org.tongpos.app.reports.domain.SaleLineDetail> lines = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long cost = r.getLong(9);
                    lines.add(new org.tongpos.app.reports.domain.SaleLineDetail(r.getString(1), r.getString(2),
                            r.getString(3), r.getInt(4), r.getString(5), r.getLong(6), r.getBoolean(7), r.getLong(8),
                            r.wasNull() ? null : cost));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new StorageException("cannot read the sale lines of " + range, e);
        }
    }

    private static void bind(PreparedStatement s, DateRange range) throws SQLException {
        s.setString(1, range.from().toString());
        s.setString(2, range.to().toString());
    }
}
