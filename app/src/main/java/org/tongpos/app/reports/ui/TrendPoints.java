package org.tongpos.app.reports.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.reports.domain.ReportRow;

/**
 * The points of the dashboard's trend line: one a day for a range of up to {@link #MAX_DAYS} days, else one a week
 * (Monday to Sunday, cut at the range's ends), so that a year is 53 points an owner can read and click instead of 365
 * (which also took most of the second the year took to show).
 */
record TrendPoints(boolean weekly, List<Point> points) {

    static final int MAX_DAYS = 62;

    /** One point: its axis label, the days it sums (clicking it shows them) and their net sales. */
    record Point(String label, LocalDate first, LocalDate last, long netFen) {
    }

    /** The points of rows keyed by business date (yyyy-MM-dd), in date order. */
    static TrendPoints of(List<ReportRow> byDay) {
        List<Point> points = new ArrayList<>();
        if (byDay.size() <= MAX_DAYS) {
            for (ReportRow r : byDay) {
                LocalDate day = LocalDate.parse(r.key());
                points.add(new Point(r.key().substring(5), day, day, r.netFen()));
            }
            return new TrendPoints(false, points);
        }
        for (ReportRow r : byDay) {
            LocalDate day = LocalDate.parse(r.key());
            Point last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last != null && day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .equals(last.first().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) {
                points.set(points.size() - 1, new Point(last.label(), last.first(), day, last.netFen() + r.netFen()));
            } else {
                points.add(new Point(r.key().substring(5), day, day, r.netFen()));
            }
        }
        return new TrendPoints(true, points);
    }
}
