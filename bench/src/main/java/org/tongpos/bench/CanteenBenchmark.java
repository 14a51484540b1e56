package org.tongpos.bench;

import java.util.Optional;
import java.util.Random;
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
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.service.MealAttempt;
import org.tongpos.app.canteen.service.MealRequest;

/**
 * The serving line's hot paths with 300,000 bank accounts replicated from the sandbox's feed: a meal card's UID to the
 * diner's account, and a diner QR code to a decision (Ed25519 verify, nonce check, account, the diner's meals today,
 * this terminal's unconfirmed charges, the rules). The durable meal commit is not part of it yet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class CanteenBenchmark {

    private static final int ACCOUNTS = 300_000;
    private static final int CODES = 2_000;

    private CanteenBank bank;
    private Terminal terminal;
    private String[] codes;
    private final Random random = new Random(42);

    @Setup
    public void setUp() throws Exception {
        bank = new CanteenBank(ACCOUNTS);
        terminal = bank.newTerminal("lane");
        long applied = terminal.bank().services().orElseThrow().accounts().pull();
        terminal.bank().services().orElseThrow().keys().refresh();
        if (applied < ACCOUNTS || terminal.canteen().diners().bankCount() < ACCOUNTS) {
            throw new IllegalStateException("replica holds " + terminal.canteen().diners().bankCount());
        }
        codes = new String[CODES];
        for (int i = 0; i < CODES; i++) {
            int n = 1 + random.nextInt(ACCOUNTS);
            codes[i] = bank.bank.issueDinerQr("E" + n, CanteenBank.accountId(n));
        }
        MealAttempt check = decideQr();
        if (!check.served()) {
            throw new IllegalStateException("the bench meal is refused: " + check.decision());
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        terminal.close();
        bank.close();
    }

    /** A meal card on the reader → the diner's account (local diners first, then the bank replica). */
    @Benchmark
    public Optional<DinerAccount> cardUidLookup() {
        return terminal.canteen().diners().byCardUid(CanteenBank.cardUid(1 + random.nextInt(ACCOUNTS)));
    }

    /** A scanned diner QR code → verified, identified, decided (nothing recorded). */
    @Benchmark
    public MealAttempt qrVerifyAndDecide() {
        return decideQr();
    }

    /** The same card lookup in the replica without the card index: the indexed H2 query on {@code card_uid}. */
    @Benchmark
    public Optional<org.tongpos.sync.feed.BankAccount> cardUidLookupDatabase() {
        return terminal.bank().services().orElseThrow().accounts().replica()
                .byCardUidInDatabase(CanteenBank.cardUid(1 + random.nextInt(ACCOUNTS)));
    }

    /** The card index alone: UID → row, in memory. */
    @Benchmark
    public long cardIndexLookup() {
        return terminal.bank().services().orElseThrow().accounts().replica().cardIndex()
                .lookup(CanteenBank.cardUid(1 + random.nextInt(ACCOUNTS)));
    }

    /** A meal card → identified and decided (nothing recorded). */
    @Benchmark
    public MealAttempt cardDecide() {
        return terminal.canteen().meals().decide(new MealRequest(
                new DinerSource.Card(CanteenBank.cardUid(1 + random.nextInt(ACCOUNTS))), MealOrder.FIXED));
    }

    private MealAttempt decideQr() {
        return terminal.canteen().meals().decide(new MealRequest(new DinerSource.QrCode(codes[random.nextInt(CODES)]),
                MealOrder.FIXED));
    }
}
