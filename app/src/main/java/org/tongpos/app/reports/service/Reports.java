package org.tongpos.app.reports.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.BankDay;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.Dashboard;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesTotals;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.domain.TillChecks;
import org.tongpos.app.reports.store.BankReportStore;
import org.tongpos.app.reports.store.CanteenReportStore;
import org.tongpos.app.reports.store.CanteenSummaryStore;
import org.tongpos.app.reports.store.SalesReportStore;
import org.tongpos.app.reports.store.SalesSummaryStore;
import org.tongpos.app.reports.store.TillReportStore;

/**
 * The owner's and the inspector's reports, for the window and the CLI alike. Every report needs
 * {@link Permission#READ_REPORTS} (an auditor holds it) and only reads: no method here writes anything.
 */
public final class Reports {

    /** Slow movers listed at most. */
    public static final int SLOW_MOVERS_MAX = 50;
    /** Anomalies listed at most. */
    public static final int ANOMALIES_MAX = 1000;
    /** Sale lines a drill-down shows at most. */
    public static final int LINES_MAX = 20_000;

    private final SalesReportStore sales;
    private final CanteenReportStore canteen;
    private final BankReportStore bank;
    private final SalesSummaryStore summaries;
    private final CanteenSummaryStore canteenSummaries;
    private final Supplier<LocalDate> today;
    private final TillReportStore till;

    /**
     * @param summaries the summaries of closed days, or null to read every figure from the journal
     * @param today     today's business date: days before it are closed and read from the summaries
     */
    public Reports(SalesReportStore sales, CanteenReportStore canteen, BankReportStore bank,
                   SalesSummaryStore summaries, Supplier<LocalDate> today) {
        this(sales, canteen, bank, summaries, null, today);
    }

    /**
     * @param summaries        the sales summaries of closed days, or null to read every sales figure from the journal
     * @param canteenSummaries the canteen summaries of closed days (decision 0018), or null to read every meal
     * @param today            today's business date: days before it are closed and read from the summaries
     */
    public Reports(SalesReportStore sales, CanteenReportStore canteen, BankReportStore bank,
                   SalesSummaryStore summaries, CanteenSummaryStore canteenSummaries, Supplier<LocalDate> today) {
        this(sales, canteen, bank, summaries, canteenSummaries, null, today);
    }

    /**
     * As the other constructor, with {@code till}: the discounts by promotion and the shifts' cash counts that every
     * sales report then shows (null: none).
     */
    public Reports(SalesReportStore sales, CanteenReportStore canteen, BankReportStore bank,
                   SalesSummaryStore summaries, CanteenSummaryStore canteenSummaries, TillReportStore till,
                   Supplier<LocalDate> today) {
        this.sales = Objects.requireNonNull(sales);
        this.canteen = Objects.requireNonNull(canteen);
        this.bank = Objects.requireNonNull(bank);
        this.summaries = summaries;
        this.canteenSummaries = canteenSummaries;
        this.till = till;
        this.today = Objects.requireNonNull(today);
    }

    public Reports(SalesReportStore sales, CanteenReportStore canteen, BankReportStore bank) {
        this(sales, canteen, bank, null, () -> LocalDate.MIN);
    }

    /**
     * Drops the sales summaries and makes them again from the journal, every day up to yesterday (decision 0012).
     * Needs {@link Permission#READ_REPORTS}: the summaries are derived from the journal and change no record.
     */
    public SalesSummaryStore.Rebuilt rebuildSummaries(Session session) {
        session.require(Permission.READ_REPORTS);
        if (summaries == null && canteenSummaries == null) {
            return new SalesSummaryStore.Rebuilt(0, 0, 0);
        }
        LocalDate lastClosed = today.get().minusDays(1);
        long canteenRows = canteenSummaries == null ? 0 : canteenSummaries.rebuild(lastClosed);
        if (summaries == null) {
            return new SalesSummaryStore.Rebuilt(0, 0, canteenRows);
        }
        SalesSummaryStore.Rebuilt rebuilt = summaries.rebuild(lastClosed);
        return new SalesSummaryStore.Rebuilt(rebuilt.days(), rebuilt.months(), rebuilt.rows() + canteenRows);
    }

    /**
     * Summarises the closed days of {@code range} that are not yet (and the whole months in it), as the first report
     * after those days would: for a history just written, day by day while its pages are still in H2's cache.
     */
    public SalesSummaryStore.Rebuilt summarise(Session session, DateRange range) {
        session.require(Permission.READ_REPORTS);
        if (summaries == null) {
            return new SalesSummaryStore.Rebuilt(0, 0, 0);
        }
        closedPart(range);
        closedCanteenPart(range);
        SalesSummaryStore.Rebuilt counted = summaries.count();
        return new SalesSummaryStore.Rebuilt(counted.days(), counted.months(),
                counted.rows() + (canteenSummaries == null ? 0 : canteenSummaries.rowCount()));
    }

    /**
     * Summarises a closed day just written to the journal (the demo history's, as each day is committed), and its
     * month on the month's last day: only that day, without counting or walking the range as {@link #summarise} does.
     */
    public void summariseWritten(Session session, LocalDate day) {
        session.require(Permission.READ_REPORTS);
        if (!day.isBefore(today.get())) {
            throw new IllegalArgumentException(day + " is not closed yet");
        }
        if (summaries != null) {
            summaries.summariseWritten(day);
        }
        if (canteenSummaries != null) {
            canteenSummaries.summariseWritten(day);
        }
    }

    /** The closed part of a range (before today) made sure to be in the canteen summaries, if any. */
    private Optional<DateRange> closedCanteenPart(DateRange range) {
        if (canteenSummaries == null) {
            return Optional.empty();
        }
        LocalDate lastClosed = today.get().minusDays(1);
        if (range.from().isAfter(lastClosed)) {
            return Optional.empty();
        }
        DateRange closed = new DateRange(range.from(), range.to().isAfter(lastClosed) ? lastClosed : range.to());
        canteenSummaries.ensure(closed, lastClosed);
        return Optional.of(closed);
    }

    /** The open part of a range for the canteen (today and after, or all of it without summaries), if any. */
    private Optional<DateRange> openCanteenPart(DateRange range) {
        if (canteenSummaries == null) {
            return Optional.of(range);
        }
        LocalDate first = today.get();
        if (range.to().isBefore(first)) {
            return Optional.empty();
        }
        return Optional.of(new DateRange(range.from().isBefore(first) ? first : range.from(), range.to()));
    }

    /** The closed part of a range (before today), if any. */
    private Optional<DateRange> closedPart(DateRange range) {
        if (summaries == null) {
            return Optional.empty();
        }
        LocalDate lastClosed = today.get().minusDays(1);
        if (range.from().isAfter(lastClosed)) {
            return Optional.empty();
        }
        DateRange closed = new DateRange(range.from(), range.to().isAfter(lastClosed) ? lastClosed : range.to());
        summaries.ensure(closed, lastClosed);
        return Optional.of(closed);
    }

    /** The open part of a range (today and after), if any. */
    private Optional<DateRange> openPart(DateRange range) {
        if (summaries == null) {
            return Optional.of(range);
        }
        LocalDate first = today.get();
        if (range.to().isBefore(first)) {
            return Optional.empty();
        }
        return Optional.of(new DateRange(range.from().isBefore(first) ? first : range.from(), range.to()));
    }

    /** The totals of a range: closed days from the summaries, the rest from the journal. */
    public SalesTotals salesTotals(DateRange range) {
        Optional<DateRange> closed = closedPart(range);
        Optional<DateRange> open = openPart(range);
        SalesTotals a = closed.map(r -> summaries.totals(r, today.get().minusDays(1))).orElse(SalesTotals.NONE);
        SalesTotals b = open.map(sales::totals).orElse(SalesTotals.NONE);
        if (closed.isEmpty()) {
            return b;
        }
        if (open.isEmpty()) {
            return a;
        }
        return new SalesTotals(a.sales() + b.sales(), a.salesFen() + b.salesFen(), a.lines() + b.lines(),
                a.refunds() + b.refunds(), a.refundsFen() + b.refundsFen(), a.voids() + b.voids(),
                a.voidsFen() + b.voidsFen(), a.costedAmountFen() + b.costedAmountFen(), a.costFen() + b.costFen(),
                a.returnedCostedFen() + b.returnedCostedFen(), a.returnedCostFen() + b.returnedCostFen());
    }

    /** A breakdown of a range: closed days from the summaries, the rest from the journal, merged by key. */
    public List<ReportRow> salesRows(DateRange range, SalesGrouping by) {
        Optional<DateRange> closed = closedPart(range);
        Optional<DateRange> open = openPart(range);
        List<ReportRow> a = closed.map(r -> summaries.rows(r, by, today.get().minusDays(1))).orElse(List.of());
        List<ReportRow> b = open.map(r -> sales.rows(r, by)).orElse(List.of());
        if (closed.isEmpty()) {
            return b;
        }
        Map<String, ReportRow> merged = new LinkedHashMap<>();
        for (ReportRow row : a) {
            merged.merge(row.key(), row, Reports::plus);
        }
        for (ReportRow row : b) {
            merged.merge(row.key(), row, Reports::plus);
        }
        List<ReportRow> rows = new ArrayList<>(merged.values());
        if (by == SalesGrouping.HOUR || by == SalesGrouping.DAY) {
            rows.sort(Comparator.comparing(ReportRow::key));
        } else {
            rows.sort(Comparator.comparingLong(ReportRow::amountFen).reversed().thenComparing(ReportRow::key));
        }
        return rows;
    }

    private static ReportRow plus(ReportRow a, ReportRow b) {
        return new ReportRow(a.key(), a.count() + b.count(), a.quantity() + b.quantity(), a.amountFen() + b.amountFen(),
                a.costedAmountFen() + b.costedAmountFen(), a.costFen() + b.costFen(), a.refunds() + b.refunds(),
                a.refundFen() + b.refundFen());
    }

    /**
     * The sales of a range by a grouping, with the same range a week before; by product also the slow movers: catalog
     * products with no sale in the last {@code slowDays} days up to the range's end.
     */
    public SalesReport sales(Session session, DateRange range, SalesGrouping by, int slowDays) {
        session.require(Permission.READ_REPORTS);
        DateRange before = range.weekBefore();
        List<SalesReport.SlowMover> slow = List.of();
        if (by == SalesGrouping.PRODUCT && slowDays > 0) {
            LocalDate end = range.to();
            slow = sales.slowMovers(new DateRange(end.minusDays(slowDays - 1L), end), SLOW_MOVERS_MAX);
        }
        return new SalesReport(range, by, salesTotals(range), salesTotals(before), salesRows(range, by),
                salesRows(before, by), slowDays, slow, till == null ? TillChecks.NONE : till.checks(range));
    }

    /**
     * The canteen report of a range: closed days from the canteen summaries (decision 0018), today from the meals,
     * merged by key; the anomalies of the meals likewise; manual identifications, meals across lanes, guest meals,
     * overdrafts and acts out of hours always live.
     */
    public CanteenReport canteen(Session session, DateRange range, CanteenReport.CanteenGrouping by) {
        session.require(Permission.READ_REPORTS);
        Optional<DateRange> closed = closedCanteenPart(range);
        Optional<DateRange> open = openCanteenPart(range);
        List<CanteenReport.Anomaly> anomalies = new ArrayList<>(canteen.otherAnomalies(range, ANOMALIES_MAX));
        closed.ifPresent(r -> anomalies.addAll(canteenSummaries.mealAnomalies(r, ANOMALIES_MAX)));
        open.ifPresent(r -> anomalies.addAll(canteen.mealAnomalies(r, ANOMALIES_MAX)));
        return new CanteenReport(range, by, canteenRows(closed, open, by), canteenTotal(closed, open),
                CanteenReportStore.first(anomalies, ANOMALIES_MAX));
    }

    private List<CanteenReport.Row> canteenRows(Optional<DateRange> closed, Optional<DateRange> open,
                                                CanteenReport.CanteenGrouping by) {
        Map<String, CanteenReport.Row> merged = new java.util.TreeMap<>();
        closed.ifPresent(r -> canteenSummaries.rows(r, by, today.get().minusDays(1))
                .forEach(row -> merged.merge(row.key(), row, Reports::plus)));
        open.ifPresent(r -> canteen.rows(r, by).forEach(row -> merged.merge(row.key(), row, Reports::plus)));
        return new ArrayList<>(merged.values());
    }

    private CanteenReport.Row canteenTotal(Optional<DateRange> closed, Optional<DateRange> open) {
        CanteenReport.Row a = closed.map(r -> canteenSummaries.total(r, today.get().minusDays(1))).orElse(null);
        CanteenReport.Row b = open.map(canteen::total).orElse(null);
        return a == null ? b : b == null ? a : plus(a, b);
    }

    private static CanteenReport.Row plus(CanteenReport.Row a, CanteenReport.Row b) {
        return new CanteenReport.Row(a.key(), a.meals() + b.meals(), a.amountFen() + b.amountFen(),
                a.subsidyFen() + b.subsidyFen(), a.balanceFen() + b.balanceFen(), a.cashFen() + b.cashFen(),
                a.refunded() + b.refunded());
    }

    /**
     * Everything the owner's dashboard shows for a range (sales by day with the week before, by hour, tender and
     * product; canteen meals by period and department), read with the same queries as the reports themselves.
     */
    public Dashboard dashboard(Session session, DateRange range) {
        session.require(Permission.READ_REPORTS);
        SalesReport byDay = sales(session, range, SalesGrouping.DAY, 0);
        CanteenReport byPeriod = canteen(session, range, CanteenReport.CanteenGrouping.PERIOD);
        return new Dashboard(range, byDay, salesRows(range, SalesGrouping.HOUR),
                salesRows(range, SalesGrouping.TENDER), salesRows(range, SalesGrouping.PRODUCT), byPeriod,
                canteenRows(closedCanteenPart(range), openCanteenPart(range),
                        CanteenReport.CanteenGrouping.DEPARTMENT));
    }

    /**
     * Drill-down: the sale lines of a range, of one hour of the day ("09") or of every hour (null), in the order sold,
     * at most {@link #LINES_MAX}.
     */
    public List<org.tongpos.app.reports.domain.SaleLineDetail> saleLines(Session session, DateRange range,
                                                                       String hour) {
        session.require(Permission.READ_REPORTS);
        return sales.lines(range, hour, LINES_MAX);
    }

    public List<BankDay> bank(Session session, DateRange range) {
        session.require(Permission.READ_REPORTS);
        return bank.days(range);
    }
}
