package org.tongpos.app.reports.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.reports.domain.DateRange;

/**
 * The summary rows a range of closed days is read from (decisions 0012 and 0018), as few as possible: whole months
 * from their month rows; a partial month from its day rows in the range, or, when fewer, from its month row less the
 * day rows outside the range (the month's days are all closed and summarised, so the difference is exact).
 */
final class SummarySpans {

    /** Rows of {@code span} ('D' or 'M') with periods {@code from..to}, added ({@code sign} 1) or taken away (-1). */
    record Piece(String span, String from, String to, int sign) {
    }

    private SummarySpans() {
    }

    /** The first and last day whose summaries {@link #pieces} may read for {@code closed}. */
    static DateRange summarised(DateRange closed, LocalDate lastClosed) {
        YearMonth first = YearMonth.from(closed.from());
        YearMonth last = YearMonth.from(closed.to());
        LocalDate from = first.atEndOfMonth().isAfter(lastClosed) ? closed.from() : first.atDay(1);
        LocalDate to = last.atEndOfMonth().isAfter(lastClosed) ? closed.to() : last.atEndOfMonth();
        return new DateRange(from, to);
    }

    /** The pieces {@code closed} is read from, the months whose last day is on or before {@code lastClosed} whole. */
    static List<Piece> pieces(DateRange closed, LocalDate lastClosed) {
        List<Piece> pieces = new ArrayList<>();
        YearMonth wholeFrom = null;
        YearMonth wholeTo = null;
        for (YearMonth month = YearMonth.from(closed.from()); !month.isAfter(YearMonth.from(closed.to()));
             month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1);
            LocalDate end = month.atEndOfMonth();
            LocalDate from = closed.from().isAfter(first) ? closed.from() : first;
            LocalDate to = closed.to().isBefore(end) ? closed.to() : end;
            if (from.equals(first) && to.equals(end)) {
                wholeFrom = wholeFrom == null ? month : wholeFrom;
                wholeTo = month;
                continue;
            }
            long in = to.toEpochDay() - from.toEpochDay() + 1;
            long out = month.lengthOfMonth() - in;
            if (!end.isAfter(lastClosed) && out + 1 < in) {
                pieces.add(new Piece("M", month.toString(), month.toString(), 1));
                if (from.isAfter(first)) {
                    pieces.add(new Piece("D", first.toString(), from.minusDays(1).toString(), -1));
                }
                if (to.isBefore(end)) {
                    pieces.add(new Piece("D", to.plusDays(1).toString(), end.toString(), -1));
                }
            } else {
                pieces.add(new Piece("D", from.toString(), to.toString(), 1));
            }
        }
        if (wholeFrom != null) {
            pieces.add(new Piece("M", wholeFrom.toString(), wholeTo.toString(), 1));
        }
        return pieces;
    }
}
