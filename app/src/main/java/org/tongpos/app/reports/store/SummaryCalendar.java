package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.tongpos.app.reports.domain.DateRange;

/**
 * The walk the sales and canteen summaries share (decisions 0012, 0018): each day of a closed range not yet summarised,
 * then each whole month in it, one transaction each. Both summary tables have the primary key (dim, span, period, k)
 * and a TOTAL row for every day and month summarised; the lookups here keep to that key.
 */
final class SummaryCalendar {

    /** Summarises one day or one month within the caller's transaction. */
    @FunctionalInterface
    interface Summarise<T> {
        void summarise(Connection c, T when) throws SQLException;
    }

    private SummaryCalendar() {
    }

    /** {@code c} must not be in auto-commit: each day and each month is committed on its own. */
    static void fill(Connection c, DateRange closed, Set<String> done, Summarise<LocalDate> day,
                     Summarise<YearMonth> month) throws SQLException {
        for (LocalDate d = closed.from(); !d.isAfter(closed.to()); d = d.plusDays(1)) {
            if (!done.contains(d.toString())) {
                day.summarise(c, d);
                c.commit();
            }
        }
        for (YearMonth m = YearMonth.from(closed.from()); !m.isAfter(YearMonth.from(closed.to())); m = m.plusMonths(1)) {
            if (!m.atDay(1).isBefore(closed.from()) && !m.atEndOfMonth().isAfter(closed.to())) {
                month.summarise(c, m);
                c.commit();
            }
        }
    }

    /**
     * Summarises a day just written, unless it is, and on the last day of a month whose days are all summarised the
     * month; without {@link #fill}'s whole months, which would summarise the month's days not yet written (and drop
     * them again as each is written). {@code c} must not be in auto-commit.
     */
    static void written(Connection c, String table, LocalDate day, Summarise<LocalDate> summariseDay,
                        Summarise<YearMonth> summariseMonth) throws SQLException {
        if (!summarised(c, table, "D", day.toString())) {
            summariseDay.summarise(c, day);
            c.commit();
        }
        YearMonth month = YearMonth.from(day);
        if (day.equals(month.atEndOfMonth()) && daysSummarised(c, table, month) == month.lengthOfMonth()) {
            summariseMonth.summarise(c, month);
            c.commit();
        }
    }

    /**
     * Drops the summary of one day ('D') or month ('M') in {@code table}, a dimension at a time so that each delete is
     * a range of the primary key (a delete by span and period alone scanned the whole table: for a year of history,
     * once per day written). Nothing when it has no TOTAL row: then it was never summarised.
     */
    static void dropSummarised(Connection c, String table, List<String> dims, String span, String period)
            throws SQLException {
        if (!summarised(c, table, span, period)) {
            return;
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table
                + " WHERE dim = ? AND span = ? AND period = ?")) {
            for (String dim : dims) {
                d.setString(1, dim);
                d.setString(2, span);
                d.setString(3, period);
                d.executeUpdate();
            }
        }
    }

    private static boolean summarised(Connection c, String table, String span, String period) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table
                + " WHERE dim = 'TOTAL' AND span = ? AND period = ? AND k = ''")) {
            s.setString(1, span);
            s.setString(2, period);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static long daysSummarised(Connection c, String table, YearMonth month) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table
                + " WHERE dim = 'TOTAL' AND span = 'D' AND period BETWEEN ? AND ?")) {
            s.setString(1, month.atDay(1).toString());
            s.setString(2, month.atEndOfMonth().toString());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
