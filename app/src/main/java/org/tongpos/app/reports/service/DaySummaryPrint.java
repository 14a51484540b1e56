package org.tongpos.app.reports.service;

import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.domain.SalesTotals;
import org.tongpos.hardware.escpos.Alignment;
import org.tongpos.hardware.escpos.EscPosEncoder;
import org.tongpos.hardware.escpos.TextWidth;
import org.tongpos.hardware.receipt.PaperWidth;

/**
 * A day's (or a range's) sales summary for the receipt printer, in the terminal's language: the store, the range,
 * sales, refunds, net, average sale, voids, gross margin and the margin net of returns, and the amount by tender
 * (the report by tender's rows), as ESC/POS in Chinese mode, cut at the end.
 */
public final class DaySummaryPrint {

    private final Messages messages;
    private final String storeName;

    public DaySummaryPrint(Messages messages, String storeName) {
        this.messages = messages;
        this.storeName = storeName;
    }

    /** {@code byTender}: the sales report of the range by tender. */
    public byte[] encode(SalesReport byTender, PaperWidth paper) {
        int width = paper.columns();
        SalesTotals t = byTender.totals();
        EscPosEncoder out = new EscPosEncoder().initialize().chineseMode(true);
        out.align(Alignment.CENTER).bold(true).line(storeName)
                .line(messages.get("report.print.title", byTender.range().from(), byTender.range().to()))
                .bold(false).align(Alignment.LEFT);
        List<String> rows = new ArrayList<>();
        rows.add(pair(messages.get("report.print.sales", t.sales()), ReportTables.yuan(t.salesFen()), width));
        rows.add(pair(messages.get("report.print.refunds", t.refunds()), ReportTables.yuan(t.refundsFen()), width));
        rows.add(pair(messages.get("report.fig.net"), ReportTables.yuan(t.netFen()), width));
        rows.add(pair(messages.get("report.fig.average"), ReportTables.yuan(t.averageSaleFen()), width));
        rows.add(pair(messages.get("report.print.voids", t.voids()), ReportTables.yuan(t.voidsFen()), width));
        rows.add(pair(messages.get("report.fig.margin"),
                t.costedAmountFen() == 0 ? "-" : ReportTables.yuan(t.marginFen()), width));
        rows.add(pair(messages.get("report.fig.netMargin"),
                t.costedAmountFen() == 0 ? "-" : ReportTables.yuan(t.netMarginFen()), width));
        rows.add("-".repeat(width));
        for (ReportRow r : byTender.rows()) {
            String key = "report.tender." + r.key();
            String name = messages.bundle().containsKey(key) ? messages.get(key) : r.key();
            rows.add(pair(name + " " + r.count(), ReportTables.yuan(r.netFen()), width));
        }
        for (String row : rows) {
            for (String part : row.split("\n", -1)) {
                out.line(part);
            }
        }
        out.feedLines(3).cut(true);
        return out.toBytes();
    }

    private static String pair(String label, String value, int width) {
        int used = TextWidth.columns(label) + TextWidth.columns(value);
        if (used + 1 <= width) {
            return label + " ".repeat(width - used) + value;
        }
        return label + "\n" + " ".repeat(Math.max(0, width - TextWidth.columns(value))) + value;
    }
}
