package org.tongpos.bench;

import java.util.List;
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
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.checkout.domain.PaymentException;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The till's hot paths on a 100,000-product catalog: scan to line, search, and the durable 10-line sale commit.
 * Sample-time mode, so the report carries p50/p99. With {@code -Dtongpos.bench.history=DIR} on an existing data
 * directory instead (e.g. a year of demo history: the commit beside a year of sales), selling into it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class CheckoutBenchmark {

    private static final int PRODUCTS = 100_000;

    private BenchStore store;
    private String[] barcodes;
    private String[] queries;
    private Cart scanCart;
    private Cart tenLineCart;
    private List<Payment.Offer> cash;
    private final Random random = new Random(42);

    @Setup
    public void setUp() throws Exception {
        store = BenchStore.existingOr(PRODUCTS);
        List<Product> all = store.terminal.catalog().all();
        barcodes = all.stream().map(Product::primaryBarcode).filter(b -> !b.isEmpty()).toArray(String[]::new);
        queries = new String[] {"kkkl", "可乐", "ksf", "伊利纯牛奶", "sgj", "三只松鼠坚果", "whh", "酱油", "nfsq", "xyy"};
        scanCart = new Cart();
        tenLineCart = new Cart();
        for (int i = 0; i < 10; i++) {
            store.terminal.checkout().scan(tenLineCart, barcodes[random.nextInt(barcodes.length)]);
        }
        cash = List.of(new Payment.Offer(TenderMethod.CASH, tenLineCart.total().plus(Money.ofFen(1000)), ""));
    }

    @TearDown
    public void tearDown() throws Exception {
        store.close();
    }

    /** Lookup, add to the cart, read the total: what happens between the beep and the screen. */
    @Benchmark
    public Money scanToLine() {
        if (scanCart.size() >= 50) {
            scanCart.clear();
        }
        store.terminal.checkout().scan(scanCart, barcodes[random.nextInt(barcodes.length)]);
        return scanCart.total();
    }

    @Benchmark
    public List<Product> searchByPinyinOrName() {
        return store.terminal.catalog().search(queries[random.nextInt(queries.length)], 50);
    }

    /** One 10-line cash sale: sale, lines, tender and journal entry in one transaction, then fsync. */
    @Benchmark
    public CompletedSale durableTenLineSale() throws PaymentException {
        return store.terminal.checkout().pay(tenLineCart, cash, store.terminal.systemSession());
    }
}
