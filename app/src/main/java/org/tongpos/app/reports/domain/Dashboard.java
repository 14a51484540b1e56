package org.tongpos.app.reports.domain;

import java.util.List;

/**
 * What the owner's dashboard shows for a range, read in one go: the sales report by day (its totals, the week before,
 * the trend), the sales by hour, by tender and by product, and the canteen's meals by period and by department.
 */
public record Dashboard(DateRange range, SalesReport byDay, List<ReportRow> byHour, List<ReportRow> byTender,
                        List<ReportRow> byProduct, CanteenReport canteenByPeriod,
                        List<CanteenReport.Row> canteenByDepartment) {

    public Dashboard {
        byHour = List.copyOf(byHour);
        byTender = List.copyOf(byTender);
        byProduct = List.copyOf(byProduct);
        canteenByDepartment = List.copyOf(canteenByDepartment);
    }

    public SalesTotals totals() {
        return byDay.totals();
    }

    /** The first {@code n} products by amount (the store sorts them largest first). */
    public List<ReportRow> topProducts(int n) {
        return byProduct.subList(0, Math.min(n, byProduct.size()));
    }
}
