package org.tongpos.app.reports.domain;

import java.util.List;

/**
 * The sales report of a range: its totals, the same range a week before, the breakdown asked for (with the week
 * before's rows by the same key) and, by product, the slow movers (catalog products with no sale in the last
 * {@code slowDays} days of the range); the discounts by promotion and the shifts' cash over/short ({@code till}).
 */
public record SalesReport(DateRange range, SalesGrouping by, SalesTotals totals, SalesTotals weekBefore,
                          List<ReportRow> rows, List<ReportRow> weekBeforeRows, int slowDays,
                          List<SlowMover> slowMovers, TillChecks till) {

    /** A report without the till's discounts and shift counts. */
    public SalesReport(DateRange range, SalesGrouping by, SalesTotals totals, SalesTotals weekBefore,
                       List<ReportRow> rows, List<ReportRow> weekBeforeRows, int slowDays,
                       List<SlowMover> slowMovers) {
        this(range, by, totals, weekBefore, rows, weekBeforeRows, slowDays, slowMovers, TillChecks.NONE);
    }

    public SalesReport {
        java.util.Objects.requireNonNull(till, "till");
        rows = List.copyOf(rows);
        weekBeforeRows = List.copyOf(weekBeforeRows);
        slowMovers = List.copyOf(slowMovers);
    }

    /** A catalog product without a sale in the slow-mover window. */
    public record SlowMover(String plu, String name, String category, String lastSold) {
    }

    /** The week before's row with this key, or an empty one. */
    public ReportRow weekBeforeRow(String key) {
        for (ReportRow row : weekBeforeRows) {
            if (row.key().equals(key)) {
                return row;
            }
        }
        return new ReportRow(key, 0, 0, 0, 0, 0);
    }
}
