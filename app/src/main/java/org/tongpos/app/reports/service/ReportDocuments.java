package org.tongpos.app.reports.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.reports.domain.BankDay;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.Dashboard;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.ReportTable;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;

/**
 * A report as a document: its tables and its charts, in the terminal's language, ready to print (CLI), to write as
 * CSV or PDF. The CLI's {@code report} commands and the owner's dashboard export through here, so both write the same
 * files for the same figures.
 */
public final class ReportDocuments {

    /** Tables and bar charts of one report. */
    public record Document(List<ReportTable> tables, List<PdfExport.Chart> charts) {
        public Document {
            tables = List.copyOf(tables);
            charts = List.copyOf(charts);
        }

        /** Writes the tables as CSV (UTF-8 with BOM). */
        public void writeCsv(Path file) throws IOException {
            CsvExport.write(tables, file);
        }

        /** Writes tables and charts as PDF with the Chinese font embedded. */
        public void writePdf(Path file, Path font) throws IOException {
            PdfExport.write(tables, charts, font, file);
        }
    }

    private final Messages messages;
    private final ReportTables texts;

    public ReportDocuments(Messages messages) {
        this.messages = messages;
        this.texts = new ReportTables(messages);
    }

    public Document sales(SalesReport report) {
        String title = messages.get("report.sales.by", messages.get(report.by().messageKey()));
        return new Document(texts.sales(report), List.of(chart(title, report.rows(), ReportRow::amountFen)));
    }

    public Document canteen(CanteenReport report) {
        return new Document(texts.canteen(report), List.of(canteenChart(messages.get("report.col.meals"),
                report.rows())));
    }

    public Document bank(DateRange range, List<BankDay> days) {
        return new Document(texts.bank(range, days), List.of());
    }

    /**
     * The dashboard's range as one document: the sales summary and the days, hours, tenders and top products, then
     * the canteen's meals by period and department with the anomalies; a chart of each breakdown.
     */
    public Document dashboard(Dashboard d, int topProducts) {
        List<ReportTable> tables = new ArrayList<>(texts.sales(d.byDay()));
        tables.add(breakdown(d, SalesGrouping.HOUR, d.byHour()).get(1));
        tables.add(breakdown(d, SalesGrouping.TENDER, d.byTender()).get(1));
        tables.add(breakdown(d, SalesGrouping.PRODUCT, d.topProducts(topProducts)).get(1));
        List<ReportTable> canteen = texts.canteen(d.canteenByPeriod());
        tables.add(canteen.get(0));
        CanteenReport byDepartment = new CanteenReport(d.range(), CanteenReport.CanteenGrouping.DEPARTMENT,
                d.canteenByDepartment(), d.canteenByPeriod().total(), List.of());
        tables.add(texts.canteen(byDepartment).get(0));
        tables.add(canteen.get(1));
        List<PdfExport.Chart> charts = List.of(
                chart(title(SalesGrouping.DAY), d.byDay().rows(), r -> Math.max(0, r.netFen())),
                chart(title(SalesGrouping.HOUR), d.byHour(), ReportRow::amountFen),
                chart(title(SalesGrouping.TENDER), d.byTender(), ReportRow::amountFen),
                chart(title(SalesGrouping.PRODUCT), d.topProducts(topProducts), ReportRow::amountFen),
                canteenChart(messages.get("report.col.meals") + " · " + messages.get("report.canteen.by.PERIOD"),
                        d.canteenByPeriod().rows()));
        return new Document(tables, charts);
    }

    private List<ReportTable> breakdown(Dashboard d, SalesGrouping by, List<ReportRow> rows) {
        SalesReport report = new SalesReport(d.range(), by, d.totals(), d.byDay().weekBefore(), rows, List.of(), 0,
                List.of());
        return texts.sales(report);
    }

    private String title(SalesGrouping by) {
        return messages.get("report.sales.by", messages.get(by.messageKey()));
    }

    private static PdfExport.Chart chart(String title, List<ReportRow> rows, Function<ReportRow, Long> value) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (ReportRow row : rows) {
            labels.add(row.key());
            values.add(value.apply(row));
        }
        return new PdfExport.Chart(title, labels, values);
    }

    private static PdfExport.Chart canteenChart(String title, List<CanteenReport.Row> rows) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (CanteenReport.Row row : rows) {
            labels.add(row.key());
            values.add(row.meals());
        }
        return new PdfExport.Chart(title, labels, values);
    }
}
