package org.tongpos.app.reports.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.Dashboard;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.SaleLineDetail;
import org.tongpos.app.reports.service.ReportDocuments;
import org.tongpos.app.reports.service.Reports;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The owner's dashboard: a range of business dates (today, the last 7 days, last month, or picked), the figures of
 * that range read in the background ({@link Reports#dashboard}, the same queries as {@code report sales|canteen}),
 * a drill-down from a day to that day alone, and exports of what is shown as CSV and PDF through the same
 * {@link ReportDocuments} as the CLI. Reading needs READ_REPORTS; the service checks it for the logged-in operator.
 */
public final class DashboardViewModel {

    /** Products shown (and exported) in the top list. */
    public static final int TOP_PRODUCTS = 10;

    private final Reports reports;
    private final ReportDocuments documents;
    private final Supplier<Session> session;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Path exportDirectory;
    private final Callable<Path> font;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Dashboard> data = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private java.util.function.Consumer<org.tongpos.app.reports.domain.SalesReport> summaryPrinter;
    private final ObjectProperty<List<SaleLineDetail>> lines = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<String> linesHour = new SimpleObjectProperty<>();
    private final ObjectProperty<DateRange> linesRange = new SimpleObjectProperty<>();

    /**
     * @param exportDirectory where the export buttons write (created when needed)
     * @param font            the PDF's Chinese font (asked when a PDF is written)
     */
    public DashboardViewModel(Reports reports, ReportDocuments documents, Supplier<Session> session, TaskRunner tasks,
                              Clock clock, Path exportDirectory, Callable<Path> font) {
        this.reports = Objects.requireNonNull(reports);
        this.documents = Objects.requireNonNull(documents);
        this.session = Objects.requireNonNull(session);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        this.exportDirectory = Objects.requireNonNull(exportDirectory);
        this.font = Objects.requireNonNull(font);
        LocalDate today = LocalDate.now(clock);
        from.set(today.minusDays(6));
        to.set(today);
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    /** The figures of the range last read; null until the first read ends. */
    public ReadOnlyObjectProperty<Dashboard> data() {
        return data;
    }

    public ReadOnlyObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /** The sale lines of the last drill-down (empty until one). */
    public ReadOnlyObjectProperty<List<SaleLineDetail>> lines() {
        return lines;
    }

    /** The hour ("09") the lines shown are of, or null for every hour. */
    public ReadOnlyObjectProperty<String> linesHour() {
        return linesHour;
    }

    /** The range the lines shown are of; null until a drill-down. */
    public ReadOnlyObjectProperty<DateRange> linesRange() {
        return linesRange;
    }

    /**
     * Drill-down from a bar of the hours (or, with null, from the whole range) to its sale lines: reads the lines of
     * the range shown, of that hour of the day, in the background.
     */
    public void drillToLines(String hour) {
        Dashboard shown = data.get();
        DateRange range = shown != null ? shown.range() : (from.get() == null || to.get() == null
                || to.get().isBefore(from.get()) ? null : new DateRange(from.get(), to.get()));
        if (range == null) {
            notice.set(Notice.error("report.dash.badRange"));
            return;
        }
        Session who = session.get();
        busy.set(true);
        tasks.run(() -> reports.saleLines(who, range, hour), read -> {
            busy.set(false);
            linesHour.set(hour);
            linesRange.set(range);
            lines.set(read);
            notice.set(Notice.info(read.size() >= Reports.LINES_MAX ? "report.dash.linesCut" : "report.dash.linesShown",
                    read.size(), range.from(), range.to(), hour == null ? "" : hour + ":00"));
        }, this::failed);
    }

    public void today() {
        show(LocalDate.now(clock), LocalDate.now(clock));
    }

    /** The last {@code days} days up to today. */
    public void lastDays(int days) {
        LocalDate today = LocalDate.now(clock);
        show(today.minusDays(days - 1L), today);
    }

    /** The calendar month before this one. */
    public void lastMonth() {
        LocalDate first = LocalDate.now(clock).withDayOfMonth(1).minusMonths(1);
        show(first, first.plusMonths(1).minusDays(1));
    }

    /** Drill-down: the range becomes one day (a bar or point of the trend). */
    public void drillDown(String businessDate) {
        LocalDate day = LocalDate.parse(businessDate);
        show(day, day);
    }

    /** Sets the range and reads it. */
    public void show(LocalDate first, LocalDate last) {
        from.set(first);
        to.set(last);
        refresh();
    }

    /** Reads the range now shown in the pickers. */
    public void refresh() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null || last.isBefore(first)) {
            notice.set(Notice.error("report.dash.badRange"));
            return;
        }
        DateRange range = new DateRange(first, last);
        Session who = session.get();
        busy.set(true);
        tasks.run(() -> reports.dashboard(who, range), read -> {
            busy.set(false);
            data.set(read);
            notice.set(Notice.info("report.dash.shown", first, last));
        }, this::failed);
    }

    /** Where "print summary" sends the range's report by tender (the receipt printer); null: none set up. */
    public void setSummaryPrinter(java.util.function.Consumer<org.tongpos.app.reports.domain.SalesReport> printer) {
        this.summaryPrinter = printer;
    }

    /** Prints the summary of the range shown on the receipt printer (read and sent in the background). */
    public void printSummary() {
        Dashboard shown = data.get();
        if (shown == null) {
            notice.set(Notice.error("report.dash.nothing"));
            return;
        }
        java.util.function.Consumer<org.tongpos.app.reports.domain.SalesReport> printer = summaryPrinter;
        if (printer == null) {
            notice.set(Notice.error("report.dash.noPrinter"));
            return;
        }
        DateRange range = shown.range();
        Session who = session.get();
        busy.set(true);
        tasks.run(() -> {
            printer.accept(reports.sales(who, range, org.tongpos.app.reports.domain.SalesGrouping.TENDER, 0));
            return range;
        }, printed -> {
            busy.set(false);
            notice.set(Notice.info("report.dash.printed", printed.from(), printed.to()));
        }, this::failed);
    }

    public void exportCsv() {
        export("csv");
    }

    public void exportPdf() {
        export("pdf");
    }

    private void export(String kind) {
        Dashboard shown = data.get();
        if (shown == null) {
            notice.set(Notice.error("report.dash.nothing"));
            return;
        }
        Path file = exportDirectory.resolve("dashboard-" + shown.range().from() + "_" + shown.range().to() + "."
                + kind);
        busy.set(true);
        tasks.run(() -> {
            Files.createDirectories(exportDirectory);
            ReportDocuments.Document document = documents.dashboard(shown, TOP_PRODUCTS);
            if ("csv".equals(kind)) {
                document.writeCsv(file);
            } else {
                document.writePdf(file, font.call());
            }
            return file;
        }, written -> {
            busy.set(false);
            notice.set(Notice.info("report.dash.written", written.toAbsolutePath().toString()));
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        if (e instanceof AccessDeniedException) {
            notice.set(Notice.error("report.dash.denied"));
        } else if (e instanceof IOException) {
            notice.set(Notice.error("report.dash.cannotWrite", String.valueOf(e.getMessage())));
        } else {
            notice.set(Notice.error("report.dash.failed", String.valueOf(e.getMessage())));
        }
    }
}
