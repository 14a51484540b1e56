package org.tongpos.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.service.MealRequest;
import org.tongpos.app.canteen.service.ServedMeal;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.storage.WriteAheadLog;

/**
 * What the serving line waits for before it turns green, with 300,000 bank accounts replicated from the sandbox's
 * feed: a diner QR code (or a meal card) → verified, identified, decided again under the journal's writer lock, and
 * recorded durably (the MEAL entry fsynced into the write-ahead log, then the H2 transaction with the meal row and the
 * spent nonce). Every invocation serves a diner who has not eaten yet, with a code of its own (nonces are spent once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class MealCommitBenchmark {

    private static final int ACCOUNTS = 300_000;
    /** Codes issued before the run, each for another account (more than a run at ~1 ms a meal can use). */
    private static final int CODES = 100_000;

    private CanteenBank bank;
    private Terminal terminal;
    private Session session;
    private String[] codes;
    private int nextCode;
    private int nextCard = CODES + 1;
    /** A write-ahead log of its own beside the lane's, for the bare fsync the commit waits for. */
    private WriteAheadLog floor;
    private final byte[] mealSized = new byte[700];

    @Setup
    public void setUp() throws Exception {
        bank = new CanteenBank(ACCOUNTS);
        terminal = bank.newTerminal("lane");
        terminal.bank().services().orElseThrow().accounts().pull();
        terminal.bank().services().orElseThrow().keys().refresh();
        // every meal stays unconfirmed (no sync during the run): lift the terminal's offline total out of the way
        terminal.canteen().rules().setLimit("offline.terminal-total", "9999999", "bench");
        session = terminal.systemSession();
        floor = WriteAheadLog.open(bank.directory.resolve("lane").resolve("floor.wal"));
        new java.util.Random(3).nextBytes(mealSized);
        codes = new String[CODES];
        for (int i = 0; i < CODES; i++) {
            codes[i] = bank.bank.issueDinerQr("E" + (i + 1), CanteenBank.accountId(i + 1));
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        floor.close();
        terminal.close();
        bank.close();
    }

    /** A scanned diner QR code → verified, decided and durably recorded (the screen may turn green after this). */
    @Benchmark
    public ServedMeal qrDecideAndCommit() {
        if (nextCode >= CODES) {
            throw new IllegalStateException("all " + CODES + " codes used: issue more");
        }
        return served(new DinerSource.QrCode(codes[nextCode++]));
    }

    /** A meal card → identified, decided and durably recorded. */
    @Benchmark
    public ServedMeal cardDecideAndCommit() {
        if (nextCard > ACCOUNTS) {
            throw new IllegalStateException("every account has eaten");
        }
        return served(new DinerSource.Card(CanteenBank.cardUid(nextCard++)));
    }

    /**
     * The floor under both: one meal-sized record appended to a write-ahead log on the same disk and fsynced, which is
     * what a durable commit waits for whatever the code around it does.
     */
    @Benchmark
    public long walAppendFloor() {
        if (floor.size() >= 10_000) {
            floor.reset();
        }
        return floor.append(mealSized);
    }

    private ServedMeal served(DinerSource source) {
        ServedMeal meal = terminal.canteen().serving().serve(new MealRequest(source, MealOrder.FIXED), session);
        if (!meal.served()) {
            throw new IllegalStateException("the bench meal is refused: " + meal.attempt().decision());
        }
        return meal;
    }
}
