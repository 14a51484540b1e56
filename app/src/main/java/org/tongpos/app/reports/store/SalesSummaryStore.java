package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesTotals;
import org.tongpos.app.storage.StorageException;

/**
 * The sales summaries of closed business days and months (decision 0012): each closed day is summarised once from the
 * journal with the very queries of {@link SalesReportStore}, each month whose days are all summarised is summed from
 * its days, and a report of closed days reads these rows instead of the journal's lines. They are derived only: a day
 * whose journal gains an entry after it was summarised (found by the journal seq checked last) is summarised again,
 * and {@link #rebuild} drops them all and summarises every day again.
 */
public final class SalesSummaryStore {

    /** What a rebuild did. */
    public record Rebuilt(long days, long months, long rows) {
    }

    private static final String SUMS = "SUM(cnt), SUM(qty), SUM(amount_fen), SUM(costed_fen), SUM(cost_fen), "
            + "SUM(refunds), SUM(refund_fen)";
    private static final SalesGrouping[] DIMENSIONS = {SalesGrouping.HOUR, SalesGrouping.TENDER,
        SalesGrouping.CASHIER, SalesGrouping.PRODUCT};
    /** Every dimension a day's rows are written under ({@link #summariseDay}). */
    private static final List<String> ALL_DIMS = Stream.of(Stream.of("TOTAL", "VOID"),
            Arrays.stream(DIMENSIONS).map(Enum::name), Stream.of("PID")).flatMap(d -> d).toList();

    private final DataSource dataSource;
    private final SalesReportStore journal;

    public SalesSummaryStore(DataSource dataSource, SalesReportStore journal) {
        this.dataSource = dataSource;
        this.journal = journal;
    }

    /**
     * Makes sure every day of {@code closed} (all before today) and every whole month in it is summarised, after
     * dropping the summaries of days the journal has gained entries for since it was checked last.
     */
    public synchronized void ensure(DateRange closed) {
        ensure(closed, closed.to());
    }

    /**
     * As {@link #ensure(DateRange)}, and also the other days and the month rows of the partial months at either end
     * whose days are all on or before {@code lastClosed}, so that {@link SummarySpans#pieces} may read them.
     */
    public synchronized void ensure(DateRange closedPart, LocalDate lastClosed) {
        DateRange closed = SummarySpans.summarised(closedPart, lastClosed);
        try (Connection c = dataSource.getConnection()) {
            invalidateChanged(c);
            Set<String> done = summarisedDays(c, closed);
            c.setAutoCommit(false);
            SummaryCalendar.fill(c, closed, done, this::summariseDay, SalesSummaryStore::summariseMonth);
        } catch (SQLException e) {
            throw new StorageException("cannot summarise the sales of " + closed, e);
        }
    }

    /**
     * Summarises {@code day}, just written to the journal (a closed day: the demo history's), and its month when it is
     * the month's last day and all the month's days are summarised.
     */
    public synchronized void summariseWritten(LocalDate day) {
        try (Connection c = dataSource.getConnection()) {
            invalidateChanged(c);
            c.setAutoCommit(false);
            SummaryCalendar.written(c, "report_summary", day, this::summariseDay, SalesSummaryStore::summariseMonth);
        } catch (SQLException e) {
            throw new StorageException("cannot summarise the sales of " + day, e);
        }
    }

    /** Drops every summary and summarises every day from the journal's first business date up to {@code lastClosed}. */
    public synchronized Rebuilt rebuild(LocalDate lastClosed) {
        String first;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM report_summary");
                s.executeUpdate("UPDATE report_summary_mark SET journal_seq = 0");
                try (ResultSet r = s.executeQuery("SELECT MIN(business_date) FROM journal")) {
                    r.next();
                    first = r.getString(1);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StorageException("cannot drop the sales summaries", e);
        }
        if (first == null || LocalDate.parse(first).isAfter(lastClosed)) {
            return new Rebuilt(0, 0, 0);
        }
        DateRange all = new DateRange(LocalDate.parse(first), lastClosed);
        ensure(all);
        return count();
    }

    /** How many days, months and rows are summarised. */
    public Rebuilt count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(CASE WHEN span = 'D' AND dim = 'TOTAL' THEN 1 END), "
                     + "COUNT(CASE WHEN span = 'M' AND dim = 'TOTAL' THEN 1 END), COUNT(*) FROM report_summary")) {
            r.next();
            return new Rebuilt(r.getLong(1), r.getLong(2), r.getLong(3));
        } catch (SQLException e) {
            throw new StorageException("cannot count the sales summaries", e);
        }
    }

    /** The totals of closed days (summarised by {@link #ensure} before). */
    public SalesTotals totals(DateRange closed) {
        return totals(closed, closed.to());
    }

    /** The totals of closed days, read as {@link SummarySpans#pieces} with {@code lastClosed}. */
    public SalesTotals totals(DateRange closed, LocalDate lastClosed) {
        List<SummarySpans.Piece> pieces = SummarySpans.pieces(closed, lastClosed);
        try (Connection c = dataSource.getConnection()) {
            long[] t = sum(c, "TOTAL", pieces).getOrDefault("", new long[7]);
            long[] v = sum(c, "VOID", pieces).getOrDefault("", new long[7]);
            return new SalesTotals(t[0], t[2], t[1], t[5], t[6], v[0], v[2], t[3], t[4], v[3], v[4]);
        } catch (SQLException e) {
            throw new StorageException("cannot read the sales summaries", e);
        }
    }

    /** The breakdown of closed days (summarised by {@link #ensure} before), in no particular order. */
    public List<ReportRow> rows(DateRange closed, SalesGrouping by) {
        return rows(closed, by, closed.to());
    }

    /**
     * The breakdown of closed days, read as {@link SummarySpans#pieces} with {@code lastClosed} and summed here (a
     * year by product is tens of thousands of rows: H2's UNION and GROUP BY over them took seconds); categories from
     * the catalog as it is now.
     */
    public List<ReportRow> rows(DateRange closed, SalesGrouping by, LocalDate lastClosed) {
        try (Connection c = dataSource.getConnection()) {
            if (by == SalesGrouping.DAY) {
                return days(c, closed);
            }
            List<SummarySpans.Piece> pieces = SummarySpans.pieces(closed, lastClosed);
            Map<String, long[]> sums = sum(c, by == SalesGrouping.CATEGORY ? "PID" : by.name(), pieces);
            if (by == SalesGrouping.CATEGORY) {
                Map<String, String> categories = new HashMap<>();
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT CAST(id AS VARCHAR), category FROM product")) {
                    while (r.next()) {
                        categories.put(r.getString(1), r.getString(2));
                    }
                }
                Map<String, long[]> byCategory = new HashMap<>();
                for (Map.Entry<String, long[]> e : sums.entrySet()) {
                    long[] into = byCategory.computeIfAbsent(categories.getOrDefault(e.getKey(), "?"),
                            k -> new long[7]);
                    for (int i = 0; i < 7; i++) {
                        into[i] += e.getValue()[i];
                    }
                }
                sums = byCategory;
            }
            List<ReportRow> rows = new ArrayList<>(sums.size());
            for (Map.Entry<String, long[]> e : sums.entrySet()) {
                long[] v = e.getValue();
                rows.add(new ReportRow(e.getKey(), v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("cannot read the sales summaries by " + by, e);
        }
    }

    private static List<ReportRow> days(Connection c, DateRange closed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT period, cnt, 0, amount_fen, 0, 0, refunds, refund_fen "
                + "FROM report_summary WHERE dim = 'TOTAL' AND span = 'D' AND period BETWEEN ? AND ? "
                + "AND (cnt > 0 OR refunds > 0) ORDER BY period")) {
            s.setString(1, closed.from().toString());
            s.setString(2, closed.to().toString());
            List<ReportRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new ReportRow(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                            r.getLong(6), r.getLong(7), r.getLong(8)));
                }
            }
            return rows;
        }
    }

    /**
     * The measures of a dimension's keys summed over the pieces (taken-away pieces subtracted); a key left with no
     * sale and no refund (only in the days taken away) is dropped, as the journal's report would not have it.
     */
    private static Map<String, long[]> sum(Connection c, String dim, List<SummarySpans.Piece> pieces)
            throws SQLException {
        Map<String, long[]> sums = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT k, cnt, qty, amount_fen, costed_fen, cost_fen, refunds, "
                + "refund_fen FROM report_summary WHERE dim = ? AND span = ? AND period BETWEEN ? AND ?")) {
            for (SummarySpans.Piece piece : pieces) {
                s.setString(1, dim);
                s.setString(2, piece.span());
                s.setString(3, piece.from());
                s.setString(4, piece.to());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long[] into = sums.computeIfAbsent(r.getString(1), k -> new long[7]);
                        for (int i = 0; i < 7; i++) {
                            into[i] += piece.sign() * r.getLong(i + 2);
                        }
                    }
                }
            }
        }
        if (!dim.equals("TOTAL") && !dim.equals("VOID")) {
            sums.values().removeIf(v -> v[0] == 0 && v[5] == 0);
        }
        return sums;
    }

    /** Drops the summaries of the days (and their months) that journal entries after the mark belong to. */
    private static void invalidateChanged(Connection c) throws SQLException {
        long mark;
        long max;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT m.journal_seq, (SELECT COALESCE(MAX(seq), 0) FROM journal) "
                     + "FROM report_summary_mark m WHERE m.id = 1")) {
            r.next();
            mark = r.getLong(1);
            max = r.getLong(2);
        }
        if (max == mark) {
            return;
        }
        Set<String> days = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT business_date FROM journal WHERE seq > ? AND seq <= ?")) {
            s.setLong(1, mark);
            s.setLong(2, max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    days.add(r.getString(1));
                }
            }
        }
        c.setAutoCommit(false);
        try (PreparedStatement m = c.prepareStatement("UPDATE report_summary_mark SET journal_seq = ? WHERE id = 1")) {
            Set<String> months = new HashSet<>();
            for (String day : days) {
                SummaryCalendar.dropSummarised(c, "report_summary", ALL_DIMS, "D", day);
                months.add(day.substring(0, 7));
            }
            for (String month : months) {
                SummaryCalendar.dropSummarised(c, "report_summary", ALL_DIMS, "M", month);
            }
            m.setLong(1, max);
            m.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static Set<String> summarisedDays(Connection c, DateRange range) throws SQLException {
        Set<String> days = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT period FROM report_summary "
                + "WHERE dim = 'TOTAL' AND span = 'D' AND period BETWEEN ? AND ?")) {
            s.setString(1, range.from().toString());
            s.setString(2, range.to().toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    days.add(r.getString(1));
                }
            }
        }
        return days;
    }

    private void summariseDay(Connection c, LocalDate day) throws SQLException {
        DateRange one = DateRange.day(day);
        SalesTotals t = journal.totals(one);
        String period = day.toString();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO report_summary (span, period, dim, k, cnt, qty, "
                + "amount_fen, costed_fen, cost_fen, refunds, refund_fen) VALUES ('D',?,?,?,?,?,?,?,?,?,?)")) {
            add(s, period, "TOTAL", new ReportRow("", t.sales(), t.lines(), t.salesFen(), t.costedAmountFen(),
                    t.costFen(), t.refunds(), t.refundsFen()));
            // the VOID row also keeps the returned lines' amount and cost (costed_fen, cost_fen) for the net margin
            add(s, period, "VOID", new ReportRow("", t.voids(), 0, t.voidsFen(), t.returnedCostedFen(),
                    t.returnedCostFen()));
            if (t.sales() > 0 || t.refunds() > 0) {
                for (SalesGrouping by : DIMENSIONS) {
                    for (ReportRow row : journal.rows(one, by)) {
                        add(s, period, by.name(), row);
                    }
                }
                for (ReportRow row : journal.rowsByProductId(one)) {
                    add(s, period, "PID", row);
                }
            }
            s.executeBatch();
        }
    }

    private static void add(PreparedStatement s, String period, String dim, ReportRow row) throws SQLException {
        s.setString(1, period);
        s.setString(2, dim);
        s.setString(3, row.key() == null ? "" : row.key());
        s.setLong(4, row.count());
        s.setLong(5, row.quantity());
        s.setLong(6, row.amountFen());
        s.setLong(7, row.costedAmountFen());
        s.setLong(8, row.costFen());
        s.setLong(9, row.refunds());
        s.setLong(10, row.refundFen());
        s.addBatch();
    }

    /** Sums a month's day rows into its month rows, unless they exist. */
    private static void summariseMonth(Connection c, YearMonth month) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM report_summary "
                + "WHERE dim = 'TOTAL' AND span = 'M' AND period = ?")) {
            s.setString(1, month.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO report_summary (span, period, dim, k, cnt, qty, "
                + "amount_fen, costed_fen, cost_fen, refunds, refund_fen) SELECT 'M', ?, dim, k, " + SUMS
                + " FROM report_summary WHERE span = 'D' AND period BETWEEN ? AND ? GROUP BY dim, k")) {
            s.setString(1, month.toString());
            s.setString(2, month.atDay(1).toString());
            s.setString(3, month.atEndOfMonth().toString());
            s.executeUpdate();
        }
    }
}
