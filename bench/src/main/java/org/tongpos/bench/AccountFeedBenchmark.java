package org.tongpos.bench;

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

/**
 * A terminal that has never synced pulls 300,000 account changes (and the sandbox's 23 demo ones) from the sandbox
 * bank's feed over loopback (601 signed pages of 500) and applies them to its replica (pinyin initials, the canteen's
 * listener, the cursor with each page).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class AccountFeedBenchmark {

    private static final int CHANGES = 300_000;

    private CanteenBank bank;
    private Terminal terminal;
    private int run;

    @Setup(Level.Trial)
    public void openAccounts() throws Exception {
        bank = new CanteenBank(CHANGES);
    }

    @Setup(Level.Invocation)
    public void freshTerminal() {
        terminal = bank.newTerminal("lane-" + run++);
        terminal.bank().services().orElseThrow();
    }

    @TearDown(Level.Invocation)
    public void closeTerminal() {
        terminal.close();
    }

    @TearDown(Level.Trial)
    public void closeBank() throws Exception {
        bank.close();
    }

    @Benchmark
    public long apply300kChanges() {
        long applied = terminal.bank().services().orElseThrow().accounts().pull();
        if (applied < CHANGES) {
            throw new IllegalStateException(applied + " changes applied");
        }
        return applied;
    }
}
