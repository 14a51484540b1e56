package org.tongpos.app.reports.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.BankDay;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.Dashboard;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.store.BankReportStore;
import org.tongpos.app.reports.store.CanteenReportStore;
import org.tongpos.app.reports.store.SalesReportStore;

/**
 * The owner's and the inspector's reports, for the window and the CLI alike. Every report needs
 * {@link Permission#READ_REPORTS} (an auditor holds it) and only reads: no method here writes anything.
 */
public final class Reports {

    /** Slow movers listed at most. */
    public static final int SLOW_MOVERS_MAX = 50;
    /** Anomalies listed at most. */
    public static final int ANOMALIES_MAX = 1000;

    private final SalesReportStore sales;
    private final CanteenReportStore canteen;
    private final BankReportStore bank;

    public Reports(SalesReportStore sales, CanteenReportStore canteen, BankReportStore bank) {
        this.sales = Objects.requireNonNull(sales);
        this.canteen = Objects.requireNonNull(canteen);
        this.bank = Objects.requireNonNull(bank);
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
        return new SalesReport(range, by, sales.totals(range), sales.totals(before), sales.rows(range, by),
                sales.rows(before, by), slowDays, slow);
    }

    public CanteenReport canteen(Session session, DateRange range, CanteenReport.CanteenGrouping by) {
        session.require(Permission.READ_REPORTS);
        return new CanteenReport(range, by, canteen.rows(range, by), canteen.total(range),
                canteen.anomalies(range, ANOMALIES_MAX));
    }

    /**
     * Everything the owner's dashboard shows for a range (sales by day with the week before, by hour, tender and
     * product; canteen meals by period and department), read with the same queries as the reports themselves.
     */
    public Dashboard dashboard(Session session, DateRange range) {
        session.require(Permission.READ_REPORTS);
        SalesReport byDay = sales(session, range, SalesGrouping.DAY, 0);
        CanteenReport byPeriod = canteen(session, range, CanteenReport.CanteenGrouping.PERIOD);
        return new Dashboard(range, byDay, sales.rows(range, SalesGrouping.HOUR),
                sales.rows(range, SalesGrouping.TENDER), sales.rows(range, SalesGrouping.PRODUCT), byPeriod,
                canteen.rows(range, CanteenReport.CanteenGrouping.DEPARTMENT));
    }

    public List<BankDay> bank(Session session, DateRange range) {
        session.require(Permission.READ_REPORTS);
        return bank.days(range);
    }
}
