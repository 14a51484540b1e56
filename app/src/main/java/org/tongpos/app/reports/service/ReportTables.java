package org.tongpos.app.reports.service;

import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.reports.domain.BankDay;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.ReportTable;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.domain.SalesTotals;

/** Turns reports into titled tables in the terminal's language (amounts in yuan with two decimals). */
public final class ReportTables {

    private final Messages messages;

    public ReportTables(Messages messages) {
        this.messages = messages;
    }

    public static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }

    /** Change against the week before, as a percentage with one decimal, or "-" when there was nothing before. */
    public static String change(long now, long before) {
        if (before == 0) {
            return "-";
        }
        return String.format(java.util.Locale.ROOT, "%+.1f%%", (now - before) * 100.0 / before);
    }

    public List<ReportTable> sales(SalesReport report) {
        List<ReportTable> tables = new ArrayList<>();
        tables.add(salesSummary(report));
        List<List<String>> rows = new ArrayList<>();
        for (ReportRow row : report.rows()) {
            ReportRow before = report.weekBeforeRow(row.key());
            rows.add(List.of(tenderName(report, row.key()), Long.toString(row.count()), Long.toString(row.quantity()),
                    yuan(row.amountFen()), row.refunds() == 0 ? "-" : row.refunds() + " / " + yuan(row.refundFen()),
                    yuan(row.netFen()), row.costedAmountFen() == 0 ? "-" : yuan(row.marginFen()),
                    yuan(before.amountFen()), change(row.amountFen(), before.amountFen())));
        }
        tables.add(new ReportTable(messages.get("report.sales.by", messages.get(report.by().messageKey())),
                List.of(messages.get(report.by().messageKey()), messages.get("report.col.count"),
                        messages.get("report.col.quantity"), messages.get("report.col.amount"),
                        messages.get("report.col.refunds"), messages.get("report.col.net"),
                        messages.get("report.col.margin"), messages.get("report.col.weekBefore"),
                        messages.get("report.col.change")), rows));
        if (report.slowDays() > 0 && report.by() == org.tongpos.app.reports.domain.SalesGrouping.PRODUCT) {
            List<List<String>> slow = new ArrayList<>();
            for (SalesReport.SlowMover m : report.slowMovers()) {
                slow.add(List.of(m.plu(), m.name(), m.category(), m.lastSold().isEmpty() ? "-" : m.lastSold()));
            }
            tables.add(new ReportTable(messages.get("report.slow.title", report.slowDays()),
                    List.of(messages.get("report.col.plu"), messages.get("report.col.product"),
                            messages.get("report.by.category"), messages.get("report.col.lastSold")), slow));
        }
        tables.addAll(till(report.till()));
        return tables;
    }

    private String tenderName(SalesReport report, String key) {
        if (report.by() != org.tongpos.app.reports.domain.SalesGrouping.TENDER) {
            return key;
        }
        String messageKey = "report.tender." + key;
        return messages.bundle().containsKey(messageKey) ? messages.get(messageKey) : key;
    }

    /** The discounts by promotion and the shifts' cash over/short, each table only when the range has any. */
    private List<ReportTable> till(org.tongpos.app.reports.domain.TillChecks till) {
        List<ReportTable> tables = new ArrayList<>();
        if (!till.discounts().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (var d : till.discounts()) {
                rows.add(List.of(d.promotionId(), d.name(), Long.toString(d.sales()), yuan(d.amountFen())));
            }
            rows.add(List.of(messages.get("report.col.total"), "", "", yuan(till.discountFen())));
            tables.add(new ReportTable(messages.get("report.discounts.title"), List.of(
                    messages.get("report.col.promotion"), messages.get("report.col.promotionName"),
                    messages.get("report.col.count"), messages.get("report.col.discount")), rows));
        }
        if (!till.shifts().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (var shift : till.shifts()) {
                rows.add(List.of(Long.toString(shift.shiftId()), shift.openedBy(), shift.closedBy(),
                        shift.closedAt(), yuan(shift.expectedFen()), yuan(shift.countedFen()),
                        yuan(shift.overShortFen()), shift.reason()));
            }
            rows.add(List.of(messages.get("report.col.total"), "", "", "", "", "", yuan(till.overShortFen()), ""));
            tables.add(new ReportTable(messages.get("report.shifts.title"), List.of(messages.get("report.col.shift"),
                    messages.get("report.col.openedBy"), messages.get("report.col.closedBy"),
                    messages.get("report.col.closedAt"), messages.get("report.col.expectedCash"),
                    messages.get("report.col.countedCash"), messages.get("report.col.overShort"),
                    messages.get("report.col.reason")), rows));
        }
        return tables;
    }

    public ReportTable salesSummary(SalesReport report) {
        SalesTotals now = report.totals();
        SalesTotals before = report.weekBefore();
        List<List<String>> rows = new ArrayList<>();
        rows.add(figure("report.fig.sales", Long.toString(now.sales()), Long.toString(before.sales()),
                change(now.sales(), before.sales())));
        rows.add(figure("report.fig.salesAmount", yuan(now.salesFen()), yuan(before.salesFen()),
                change(now.salesFen(), before.salesFen())));
        rows.add(figure("report.fig.average", yuan(now.averageSaleFen()), yuan(before.averageSaleFen()),
                change(now.averageSaleFen(), before.averageSaleFen())));
        rows.add(figure("report.fig.lines", Long.toString(now.lines()), Long.toString(before.lines()),
                change(now.lines(), before.lines())));
        rows.add(figure("report.fig.refunds", now.refunds() + " / " + yuan(now.refundsFen()),
                before.refunds() + " / " + yuan(before.refundsFen()), change(now.refundsFen(), before.refundsFen())));
        rows.add(figure("report.fig.net", yuan(now.netFen()), yuan(before.netFen()),
                change(now.netFen(), before.netFen())));
        rows.add(figure("report.fig.voids", now.voids() + " / " + yuan(now.voidsFen()),
                before.voids() + " / " + yuan(before.voidsFen()), change(now.voidsFen(), before.voidsFen())));
        rows.add(figure("report.fig.margin", margin(now), margin(before), change(now.marginFen(), before.marginFen())));
        rows.add(figure("report.fig.netMargin", now.costedAmountFen() == 0 ? "-" : yuan(now.netMarginFen()),
                before.costedAmountFen() == 0 ? "-" : yuan(before.netMarginFen()),
                change(now.netMarginFen(), before.netMarginFen())));
        return new ReportTable(messages.get("report.sales.title", report.range().from(), report.range().to()),
                List.of(messages.get("report.col.figure"), messages.get("report.col.period"),
                        messages.get("report.col.weekBefore"), messages.get("report.col.change")), rows);
    }

    private String margin(SalesTotals totals) {
        if (totals.costedAmountFen() == 0) {
            return messages.get("report.fig.noCost");
        }
        String text = yuan(totals.marginFen()) + String.format(java.util.Locale.ROOT, " (%.1f%%)",
                totals.marginFen() * 100.0 / totals.costedAmountFen());
        return totals.costedAmountFen() == totals.salesFen() ? text
                : text + " " + messages.get("report.fig.costPart", yuan(totals.costedAmountFen()));
    }

    private List<String> figure(String key, String now, String before, String change) {
        return List.of(messages.get(key), now, before, change);
    }

    public List<ReportTable> canteen(CanteenReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (CanteenReport.Row row : report.rows()) {
            rows.add(canteenRow(row.key(), row));
        }
        rows.add(canteenRow(messages.get("report.col.total"), report.total()));
        String byKey = "report.canteen.by." + report.by().name();
        ReportTable meals = new ReportTable(messages.get("report.canteen.title", report.range().from(),
                report.range().to()), List.of(messages.get(byKey), messages.get("report.col.meals"),
                messages.get("report.col.amount"), messages.get("report.col.subsidy"),
                messages.get("report.col.balance"), messages.get("report.col.cash"),
                messages.get("report.col.refunded")), rows);
        List<List<String>> anomalies = new ArrayList<>();
        for (CanteenReport.Anomaly a : report.anomalies()) {
            anomalies.add(List.of(messages.get("report.rule." + a.rule().name()), a.occurredAt(), a.dinerId(),
                    a.period(), yuan(a.amountFen()), a.detail()));
        }
        ReportTable flagged = new ReportTable(messages.get("report.anomalies.title", report.anomalies().size()),
                List.of(messages.get("report.col.rule"), messages.get("report.col.time"),
                        messages.get("report.col.diner"), messages.get("report.col.mealPeriod"),
                        messages.get("report.col.amount"), messages.get("report.col.detail")), anomalies);
        return List.of(meals, flagged);
    }

    private static List<String> canteenRow(String key, CanteenReport.Row row) {
        return List.of(key, Long.toString(row.meals()), yuan(row.amountFen()), yuan(row.subsidyFen()),
                yuan(row.balanceFen()), yuan(row.cashFen()), Long.toString(row.refunded()));
    }

    public List<ReportTable> bank(org.tongpos.app.reports.domain.DateRange range, List<BankDay> days) {
        List<List<String>> rows = new ArrayList<>();
        for (BankDay d : days) {
            rows.add(List.of(d.businessDate(), Long.toString(d.journalEntries()), yuan(d.journalDebitFen()),
                    yuan(d.journalCreditFen()), Long.toString(d.unsentEntries()),
                    d.reconciled() ? yuan(d.statementAmountFen()) : messages.get("report.bank.notReconciled"),
                    d.reconciled() ? yuan(d.statementFeeFen()) : "-",
                    d.reconciled() ? yuan(d.statementNetFen()) : "-",
                    d.reconciled() ? Long.toString(d.differences()) : "-"));
        }
        return List.of(new ReportTable(messages.get("report.bank.title", range.from(), range.to()),
                List.of(messages.get("report.col.date"), messages.get("report.col.entries"),
                        messages.get("report.col.debit"), messages.get("report.col.credit"),
                        messages.get("report.col.unsent"), messages.get("report.col.statement"),
                        messages.get("report.col.fee"), messages.get("report.col.net"),
                        messages.get("report.col.differences")), rows));
    }
}
