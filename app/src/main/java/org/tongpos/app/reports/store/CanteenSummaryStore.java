package org.tongpos.app.reports.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.tongpos.app.reports.domain.CanteenReport.Anomaly;
import org.tongpos.app.reports.domain.CanteenReport.CanteenGrouping;
import org.tongpos.app.reports.domain.CanteenReport.Row;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.storage.StorageException;

/**
 * The canteen summaries of closed business days and months (decision 0018), the canteen's counterpart of
 * {@link SalesSummaryStore}: each closed day is summarised once with the very queries of {@link CanteenReportStore}
 * (by period, by account, the total, and the meals' anomalies), each whole month is summed from its days, and a report
 * of closed days reads these rows instead of {@code canteen_meal}. Departments and diner types are joined from the
 * diners when read, as the live report joins them. Derived only: a day that gains a meal, or whose meal is refunded,
 * after it was summarised (found from the journal entries after the seq checked last) is summarised again; the
 * anomalies are all dropped when a meal period changes (its window or meals allowed decide them); {@link #rebuild}
 * drops everything.
 */
public final class CanteenSummaryStore {

    /** Every dimension a day's rows are written under ({@link #summariseDay}). */
    private static final List<String> ALL_DIMS = List.of("TOTAL", "PERIOD", "ACCT");

    private final DataSource dataSource;
    private final CanteenReportStore live;

    public CanteenSummaryStore(DataSource dataSource, CanteenReportStore live) {
        this.dataSource = dataSource;
        this.live = live;
    }

    /**
     * Makes sure every day of {@code closed} (all before today) and every whole month in it is summarised, after
     * dropping what the journal's entries since the last check (meals, meal refunds) or a changed meal period made
     * stale.
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
            SummaryCalendar.fill(c, closed, done, this::summariseDay, CanteenSummaryStore::summariseMonth);
        } catch (SQLException e) {
            throw new StorageException("cannot summarise the meals of " + closed, e);
        }
    }

    /**
     * Summarises {@code day}, just written (a closed day: the demo history's), and its month when it is the month's
     * last day and all the month's days are summarised.
     */
    public synchronized void summariseWritten(LocalDate day) {
        try (Connection c = dataSource.getConnection()) {
            invalidateChanged(c);
            c.setAutoCommit(false);
            SummaryCalendar.written(c, "canteen_summary", day, this::summariseDay, CanteenSummaryStore::summariseMonth);
        } catch (SQLException e) {
            throw new StorageException("cannot summarise the meals of " + day, e);
        }
    }

    /** Drops every canteen summary and summarises every day from the first meal's up to {@code lastClosed}. */
    public synchronized long rebuild(LocalDate lastClosed) {
        LocalDate first;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM canteen_summary");
                s.executeUpdate("DELETE FROM canteen_summary_anomaly");
                s.executeUpdate("UPDATE canteen_summary_mark SET journal_seq = 0, periods = ''");
                try (ResultSet r = s.executeQuery("SELECT MIN(business_date) FROM canteen_meal")) {
                    r.next();
                    first = r.getObject(1, LocalDate.class);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StorageException("cannot drop the canteen summaries", e);
        }
        if (first != null && !first.isAfter(lastClosed)) {
            ensure(new DateRange(first, lastClosed));
        }
        return rowCount();
    }

    /** Summary rows kept (anomalies included). */
    public long rowCount() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM canteen_summary) "
                     + "+ (SELECT COUNT(*) FROM canteen_summary_anomaly)")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new StorageException("cannot count the canteen summaries", e);
        }
    }

    /**
     * The breakdown of closed days (summarised by {@link #ensure} before), in no particular order, read as
     * {@link SummarySpans#pieces} with {@code lastClosed} and summed here; departments and diner types of the accounts
     * as the diners (and the bank's replica) have them now.
     */
    public List<Row> rows(DateRange closed, CanteenGrouping by, LocalDate lastClosed) {
        try (Connection c = dataSource.getConnection()) {
            if (by == CanteenGrouping.DAY) {
                try (PreparedStatement s = c.prepareStatement("SELECT period, " + CanteenReportStore.MEASURES
                        + " FROM canteen_summary WHERE dim = 'TOTAL' AND span = 'D' AND period BETWEEN ? AND ? "
                        + "AND (meals > 0 OR refunded > 0)")) {
                    s.setString(1, closed.from().toString());
                    s.setString(2, closed.to().toString());
                    List<Row> rows = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows.add(CanteenReportStore.row(r));
                        }
                    }
                    return rows;
                }
            }
            List<SummarySpans.Piece> pieces = SummarySpans.pieces(closed, lastClosed);
            Map<String, long[]> sums = sum(c, by == CanteenGrouping.PERIOD ? "PERIOD" : "ACCT", pieces);
            if (by != CanteenGrouping.PERIOD) {
                Map<String, String> groups = dinerGroups(c, by);
                Map<String, long[]> grouped = new HashMap<>();
                for (Map.Entry<String, long[]> e : sums.entrySet()) {
                    long[] into = grouped.computeIfAbsent(groups.getOrDefault(e.getKey(), "-"), k -> new long[6]);
                    for (int i = 0; i < 6; i++) {
                        into[i] += e.getValue()[i];
                    }
                }
                sums = grouped;
            }
            List<Row> rows = new ArrayList<>(sums.size());
            for (Map.Entry<String, long[]> e : sums.entrySet()) {
                long[] v = e.getValue();
                rows.add(new Row(e.getKey(), v[0], v[1], v[2], v[3], v[4], v[5]));
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("cannot read the canteen summaries by " + by, e);
        }
    }

    /**
     * Each account's department or diner type as {@link CanteenReportStore#dinerKey} takes it: the local diner's, else
     * the bank replica's, else '-' (accounts in neither are left out: '-').
     */
    private static Map<String, String> dinerGroups(Connection c, CanteenGrouping by) throws SQLException {
        String column = by == CanteenGrouping.DEPARTMENT ? "department" : "diner_type";
        Map<String, String> groups = new HashMap<>();
        if (Tables.exists(c, "bank_account")) {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT account_id, " + column + " FROM bank_account")) {
                while (r.next()) {
                    if (r.getString(2) != null) {
                        groups.put(r.getString(1), r.getString(2));
                    }
                }
            }
        }
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT account_id, " + column + " FROM canteen_diner")) {
            while (r.next()) {
                if (r.getString(2) != null) {
                    groups.put(r.getString(1), r.getString(2));
                }
            }
        }
        return groups;
    }

    /** The total of closed days (summarised by {@link #ensure} before). */
    public Row total(DateRange closed, LocalDate lastClosed) {
        try (Connection c = dataSource.getConnection()) {
            long[] v = sum(c, "TOTAL", SummarySpans.pieces(closed, lastClosed)).getOrDefault("", new long[6]);
            return new Row("total", v[0], v[1], v[2], v[3], v[4], v[5]);
        } catch (SQLException e) {
            throw new StorageException("cannot read the canteen summaries", e);
        }
    }

    /**
     * The measures of a dimension's keys summed over the pieces (taken-away pieces subtracted); a key left with no meal
     * and no refunded meal (only in the days taken away) is dropped, as the live report would not have it.
     */
    private static Map<String, long[]> sum(Connection c, String dim, List<SummarySpans.Piece> pieces)
            throws SQLException {
        Map<String, long[]> sums = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT k, " + CanteenReportStore.MEASURES
                + " FROM canteen_summary WHERE dim = ? AND span = ? AND period BETWEEN ? AND ?")) {
            for (SummarySpans.Piece piece : pieces) {
                s.setString(1, dim);
                s.setString(2, piece.span());
                s.setString(3, piece.from());
                s.setString(4, piece.to());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long[] into = sums.computeIfAbsent(r.getString(1), k -> new long[6]);
                        for (int i = 0; i < 6; i++) {
                            into[i] += piece.sign() * r.getLong(i + 2);
                        }
                    }
                }
            }
        }
        if (!dim.equals("TOTAL")) {
            sums.values().removeIf(v -> v[0] == 0 && v[5] == 0);
        }
        return sums;
    }

    /** The first {@code max} anomalies of the meals of closed days, in {@link CanteenReportStore#ORDER}. */
    public List<Anomaly> mealAnomalies(DateRange closed, int max) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT rule, "
                + "occurred_at t, diner_id d, period p, amount_fen a, detail FROM canteen_summary_anomaly "
                + "WHERE business_date BETWEEN ? AND ? ORDER BY t, rule, d, p, a, detail LIMIT ?")) {
            s.setDate(1, Date.valueOf(closed.from()));
            s.setDate(2, Date.valueOf(closed.to()));
            s.setInt(3, max);
            return CanteenReportStore.read(s);
        } catch (SQLException e) {
            throw new StorageException("cannot read the canteen anomalies", e);
        }
    }

    private static final String SUMS = "SUM(meals), SUM(amount_fen), SUM(subsidy_fen), SUM(balance_fen), "
            + "SUM(cash_fen), SUM(refunded)";

    /**
     * Drops the summaries of the days that meals written or refunded since the mark belong to (and their months), and
     * every anomaly when the meal periods are not those the anomalies were found with.
     */
    private static void invalidateChanged(Connection c) throws SQLException {
        long mark;
        long max;
        String periods;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT m.journal_seq, (SELECT COALESCE(MAX(seq), 0) FROM journal), "
                     + "m.periods FROM canteen_summary_mark m WHERE m.id = 1")) {
            r.next();
            mark = r.getLong(1);
            max = r.getLong(2);
            periods = r.getString(3);
        }
        String digest = periodsDigest(c);
        if (max == mark && digest.equals(periods)) {
            return;
        }
        Set<LocalDate> days = new TreeSet<>();
        List<UUID> refundedMeals = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT business_date FROM canteen_meal "
                + "WHERE seq > ? AND seq <= ?")) {
            s.setLong(1, mark);
            s.setLong(2, max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    days.add(r.getObject(1, LocalDate.class));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT original_txn_id FROM journal "
                + "WHERE seq > ? AND seq <= ? AND kind = 'MEAL_REFUND'")) {
            s.setLong(1, mark);
            s.setLong(2, max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    try {
                        refundedMeals.add(UUID.fromString(r.getString(1)));
                    } catch (IllegalArgumentException notAMeal) {
                        // not a meal's id: nothing summarised refers to it
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT business_date FROM canteen_meal WHERE txn_id = ?")) {
            for (UUID meal : refundedMeals) {
                s.setObject(1, meal);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        days.add(r.getObject(1, LocalDate.class));
                    }
                }
            }
        }
        c.setAutoCommit(false);
        try (PreparedStatement a = c.prepareStatement("DELETE FROM canteen_summary_anomaly WHERE business_date = ?");
             PreparedStatement m = c.prepareStatement("UPDATE canteen_summary_mark SET journal_seq = ?, periods = ? "
                     + "WHERE id = 1")) {
            Set<String> months = new HashSet<>();
            for (LocalDate day : days) {
                SummaryCalendar.dropSummarised(c, "canteen_summary", ALL_DIMS, "D", day.toString());
                a.setDate(1, Date.valueOf(day));
                a.executeUpdate();
                months.add(YearMonth.from(day).toString());
            }
            for (String month : months) {
                SummaryCalendar.dropSummarised(c, "canteen_summary", ALL_DIMS, "M", month);
            }
            if (!digest.equals(periods)) {
                // the anomalies of every day were found with other periods: drop the days so that they are found again
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM canteen_summary");
                    s.executeUpdate("DELETE FROM canteen_summary_anomaly");
                }
            }
            m.setLong(1, max);
            m.setString(2, digest);
            m.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** A digest of the meal periods (name, window, meals allowed): what the anomalies of a day depend on. */
    private static String periodsDigest(Connection c) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT name, start_minute, end_minute, "
                + "meals_allowed FROM canteen_period ORDER BY name, start_minute")) {
            while (r.next()) {
                text.append(r.getString(1)).append('\u0001').append(r.getInt(2)).append('\u0001').append(r.getInt(3))
                        .append('\u0001').append(r.getString(4)).append('\u0002');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Set<String> summarisedDays(Connection c, DateRange range) throws SQLException {
        Set<String> days = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT period FROM canteen_summary "
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
        Row total = live.total(one);
        String period = day.toString();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO canteen_summary (span, period, dim, k, "
                + CanteenReportStore.MEASURES + ") VALUES ('D',?,?,?,?,?,?,?,?,?)")) {
            add(s, period, "TOTAL", total, "");
            if (total.meals() > 0 || total.refunded() > 0) {
                for (Row row : live.rows(one, CanteenGrouping.PERIOD)) {
                    add(s, period, "PERIOD", row, row.key());
                }
                for (Row row : live.rowsByAccount(one)) {
                    add(s, period, "ACCT", row, row.key());
                }
            }
            s.executeBatch();
        }
        if (total.meals() > 0 || total.refunded() > 0) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO canteen_summary_anomaly (business_date, rule, "
                    + "occurred_at, diner_id, period, amount_fen, detail) VALUES (?,?,?,?,?,?,?)")) {
                for (Anomaly a : live.mealAnomalies(one, Integer.MAX_VALUE)) {
                    s.setDate(1, Date.valueOf(day));
                    s.setString(2, a.rule().name());
                    s.setObject(3, OffsetDateTime.parse(a.occurredAt()));
                    s.setString(4, a.dinerId());
                    s.setString(5, a.period());
                    s.setLong(6, a.amountFen());
                    s.setString(7, a.detail());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    private static void add(PreparedStatement s, String period, String dim, Row row, String key) throws SQLException {
        s.setString(1, period);
        s.setString(2, dim);
        s.setString(3, key == null ? "" : key);
        s.setLong(4, row.meals());
        s.setLong(5, row.amountFen());
        s.setLong(6, row.subsidyFen());
        s.setLong(7, row.balanceFen());
        s.setLong(8, row.cashFen());
        s.setLong(9, row.refunded());
        s.addBatch();
    }

    /** Sums a month's day rows into its month rows, unless they exist. */
    private static void summariseMonth(Connection c, YearMonth month) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM canteen_summary "
                + "WHERE dim = 'TOTAL' AND span = 'M' AND period = ?")) {
            s.setString(1, month.toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO canteen_summary (span, period, dim, k, "
                + CanteenReportStore.MEASURES + ") SELECT 'M', ?, dim, k, " + SUMS
                + " FROM canteen_summary WHERE span = 'D' AND period BETWEEN ? AND ? GROUP BY dim, k")) {
            s.setString(1, month.toString());
            s.setString(2, month.atDay(1).toString());
            s.setString(3, month.atEndOfMonth().toString());
            s.executeUpdate();
        }
    }
}
