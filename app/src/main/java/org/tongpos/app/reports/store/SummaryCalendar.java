package org.tongpos.app.reports.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.tongpos.app.reports.domain.DateRange;

/**
 * The walk the sales and canteen summaries share (decisions 0012, 0018): each day of a closed range not yet summarised,
 * then each whole month in it, one transaction each.
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
}
