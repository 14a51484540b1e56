package org.tongpos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tongpos.app.Terminal;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.Dashboard;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.service.PdfExport;
import org.tongpos.app.reports.service.ReportDocuments;

/**
 * The owner's reports over a long history (issue 10, decision 0012): what the dashboard reads for the last 7 days,
 * the last month and the whole history, a year's sales by product and category, the canteen by department, and a
 * year's sales report written to PDF.
 *
 * <p>The history: with {@code -Dtongpos.bench.history=DIR} an existing data directory (e.g. one written by
 * {@code demo-data --products 2000 --history 365}, copied: the terminal opens it, migrates it and summarises its
 * closed days); else a fresh one with {@code -Dtongpos.bench.days=N} days (default 30) generated in setup.
 * The summaries are made once in setup (as {@code demo-data --history} does), so the figures are those of a till
 * whose closed days are summarised.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ReportQueryBenchmark {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportQueryBenchmark.class);

    private Path directory;
    private boolean generated;
    private Terminal terminal;
    private Session session;
    private DateRange week;
    private DateRange month;
    private DateRange all;
    private Path pdf;
    private Path font;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String given = System.getProperty("tongpos.bench.history", "");
        if (given.isEmpty()) {
            directory = Files.createTempDirectory("tongpos-report-bench");
            generated = true;
            terminal = Terminal.open(directory);
            terminal.catalog().save(terminal.demoCatalog().products(2000));
            int days = Integer.getInteger("tongpos.bench.days", 30);
            terminal.demoHistory().write(terminal.catalog().all(), LocalDate.now(terminal.clock()), days, 1.0, 7);
        } else {
            directory = Path.of(given);
            terminal = Terminal.open(directory);
        }
        session = terminal.systemSession();
        LocalDate today = LocalDate.now(terminal.clock());
        LocalDate first = LocalDate.parse(terminal.journal().read(1, 1).get(0).businessDate());
        all = new DateRange(first, today.minusDays(1));
        week = new DateRange(today.minusDays(7), today.minusDays(1));
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        month = new DateRange(lastMonth, lastMonth.plusMonths(1).minusDays(1));
        long started = System.nanoTime();
        if (generated) {
            var rebuilt = terminal.reports().rebuildSummaries(session);
            LOG.info("summaries: {} days, {} months, {} rows", rebuilt.days(), rebuilt.months(), rebuilt.rows());
        } else {
            // summarises what is not yet (sales, decision 0012; canteen, decision 0018)
            terminal.reports().sales(session, all, SalesGrouping.DAY, 0);
            terminal.reports().canteen(session, all, CanteenReport.CanteenGrouping.DAY);
        }
        LOG.info("history {} summarised in {} ms", all, (System.nanoTime() - started) / 1_000_000);
        pdf = Files.createTempFile("tongpos-report-bench", ".pdf");
        font = PdfExport.defaultFont();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        terminal.close();
        Files.deleteIfExists(pdf);
        if (generated) {
            BenchStore.deleteTree(directory);
        }
    }

    @Benchmark
    public Dashboard dashboardLast7Days() {
        return terminal.reports().dashboard(session, week);
    }

    @Benchmark
    public Dashboard dashboardLastMonth() {
        return terminal.reports().dashboard(session, month);
    }

    @Benchmark
    public Dashboard dashboardWholeHistory() {
        return terminal.reports().dashboard(session, all);
    }

    @Benchmark
    public SalesReport salesWholeHistoryByProduct() {
        return terminal.reports().sales(session, all, SalesGrouping.PRODUCT, 0);
    }

    @Benchmark
    public SalesReport salesWholeHistoryByCategory() {
        return terminal.reports().sales(session, all, SalesGrouping.CATEGORY, 0);
    }

    @Benchmark
    public CanteenReport canteenWholeHistoryByDepartment() {
        return terminal.reports().canteen(session, all, CanteenReport.CanteenGrouping.DEPARTMENT);
    }

    /** The whole history's sales report by day, read and written to PDF with its chart and the Chinese font. */
    @Benchmark
    public long salesWholeHistoryToPdf() throws IOException {
        SalesReport report = terminal.reports().sales(session, all, SalesGrouping.DAY, 0);
        new ReportDocuments(terminal.messages()).sales(report).writePdf(pdf, font);
        return Files.size(pdf);
    }
}
