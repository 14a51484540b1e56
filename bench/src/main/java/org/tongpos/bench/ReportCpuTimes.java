package org.tongpos.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.tongpos.app.Terminal;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.SalesGrouping;

/**
 * The reports of {@link ReportQueryBenchmark} on an existing history, each timed by wall clock <em>and by the CPU time
 * of the thread that reads it</em>: on a machine shared with other builds the wall time mostly measures the others,
 * the thread's CPU time what the report itself costs. Not a JMH benchmark (JMH has no per-operation CPU time):
 * {@code java -cp bench/target/benchmarks.jar org.tongpos.bench.ReportCpuTimes DIR [RUNS]}.
 */
public final class ReportCpuTimes {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportCpuTimes.class);

    private ReportCpuTimes() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Terminal terminal = Terminal.open(directory)) {
            Session session = terminal.systemSession();
            LocalDate today = LocalDate.now(terminal.clock());
            LocalDate first = LocalDate.parse(terminal.journal().read(1, 1).get(0).businessDate());
            DateRange all = new DateRange(first, today.minusDays(1));
            DateRange week = new DateRange(today.minusDays(7), today.minusDays(1));
            LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
            DateRange month = new DateRange(lastMonth, lastMonth.plusMonths(1).minusDays(1));
            long started = System.nanoTime();
            terminal.reports().sales(session, all, SalesGrouping.DAY, 0);
            terminal.reports().canteen(session, all, CanteenReport.CanteenGrouping.DAY);
            LOG.info("history {} summarised in {} ms", all, (System.nanoTime() - started) / 1_000_000);
            Map<String, Supplier<Object>> reports = new LinkedHashMap<>();
            reports.put("dashboard, last 7 days", () -> terminal.reports().dashboard(session, week));
            reports.put("dashboard, last month", () -> terminal.reports().dashboard(session, month));
            reports.put("dashboard, whole history", () -> terminal.reports().dashboard(session, all));
            reports.put("sales, whole history, by product", () -> terminal.reports().sales(session, all,
                    SalesGrouping.PRODUCT, 0));
            reports.put("sales, whole history, by category", () -> terminal.reports().sales(session, all,
                    SalesGrouping.CATEGORY, 0));
            reports.put("canteen, whole history, by department", () -> terminal.reports().canteen(session, all,
                    CanteenReport.CanteenGrouping.DEPARTMENT));
            StringBuilder table = new StringBuilder("\n| report (" + all + ") | CPU p50 | CPU max | wall p50 |\n"
                    + "| --- | --- | --- | --- |\n");
            for (Map.Entry<String, Supplier<Object>> report : reports.entrySet()) {
                for (int i = 0; i < 3; i++) {
                    report.getValue().get(); // warm-up
                }
                long[] cpu = new long[runs];
                long[] wall = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    report.getValue().get();
                    wall[i] = System.nanoTime() - w0;
                    cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                }
                Arrays.sort(cpu);
                Arrays.sort(wall);
                table.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", report.getKey(),
                        cpu[runs / 2] / 1e6, cpu[runs - 1] / 1e6, wall[runs / 2] / 1e6));
            }
            LOG.info("report times:\n{}", table);
        }
    }
}
