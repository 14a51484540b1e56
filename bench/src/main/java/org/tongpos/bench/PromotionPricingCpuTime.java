package org.tongpos.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@link PromotionPricingBenchmark}'s two operations timed one call at a time, in CPU time of the calling thread as
 * well as wall time: on a machine shared with other builds (load average above the core count) the wall-time
 * percentiles measure the scheduler, while the thread's CPU time is what one pricing costs when it runs. Same
 * terminal, 1,000 promotions and 50-line cart as the JMH benchmark.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar org.tongpos.bench.PromotionPricingCpuTime [measured calls, default 50000]
 * }</pre>
 */
public final class PromotionPricingCpuTime {

    private static final int WARM_UP = 30_000;

    private PromotionPricingCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        PromotionPricingBenchmark bench = new PromotionPricingBenchmark();
        bench.setUp();
        try {
            report(System.out, "priceFiftyLines", bench::priceFiftyLines, calls);
            report(System.out, "priceFiftyLinesPayingByBankCard", bench::priceFiftyLinesPayingByBankCard, calls);
        } finally {
            bench.tearDown();
        }
    }

    private static void report(PrintStream out, String name, Supplier<?> op, int calls) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object sink = null;
        for (int i = 0; i < WARM_UP; i++) {
            sink = op.get();
        }
        long[] cpu = new long[calls];
        long[] wall = new long[calls];
        for (int i = 0; i < calls; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            sink = op.get();
            wall[i] = System.nanoTime() - w0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        out.printf(Locale.ROOT, "%s (%d calls; %s)%n", name, calls, sink == null ? "no result" : "priced");
        out.printf(Locale.ROOT, "  cpu  p50 %s  p90 %s  p99 %s  p99.9 %s%n", us(cpu, 0.50), us(cpu, 0.90),
                us(cpu, 0.99), us(cpu, 0.999));
        out.printf(Locale.ROOT, "  wall p50 %s  p90 %s  p99 %s  p99.9 %s%n", us(wall, 0.50), us(wall, 0.90),
                us(wall, 0.99), us(wall, 0.999));
    }

    private static String us(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.0f µs", sorted[Math.max(0, index)] / 1000.0);
    }
}
