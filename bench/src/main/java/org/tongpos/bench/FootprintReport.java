package org.tongpos.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Memory held by a 100,000-product catalog and disk used per 10-line sale. Not a JMH benchmark (these are sizes,
 * not times): {@code java -cp bench/target/benchmarks.jar org.tongpos.bench.FootprintReport}.
 */
public final class FootprintReport {

    private static final int SALES = Integer.getInteger("sales", 5_000);

    private FootprintReport() {
    }

    public static void main(String[] args) throws Exception {
        report(System.out);
    }

    /** Measures and writes the figures to {@code out}. */
    @SuppressWarnings("try") // the store only has to be open (its catalog in the heap) while the heap is measured
    static void report(PrintStream out) throws Exception {
        long baseline = usedHeapAfterGc();
        try (BenchStore store = new BenchStore(100_000)) {
            long withCatalog = usedHeapAfterGc();
            out.printf("heap used by the running terminal with 100,000 products: %.1f MiB (%.0f bytes per product)",
                    (withCatalog - baseline) / 1048576.0, (withCatalog - baseline) / 100_000.0);
            out.println();
        }
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("tongpos-footprint");
        try (Terminal terminal = Terminal.open(directory)) {
            terminal.catalog().save(terminal.demoCatalog().products(2_000));
        }
        diskPerSale(directory, out);
        BenchStore.deleteTree(directory);
    }

    private static void diskPerSale(java.nio.file.Path directory, PrintStream out) throws Exception {
        Terminal reopened = Terminal.open(directory);
        List<Product> products = reopened.catalog().all().stream().filter(p -> !p.isWeighed()).toList();
        Random random = new Random(7);
        long before = reopened.database().fileSize();
        for (int s = 0; s < SALES; s++) {
            Cart cart = new Cart();
            for (int i = 0; i < 10; i++) {
                cart.append(org.tongpos.app.checkout.domain.CartLine.pieces(
                        products.get(random.nextInt(products.size())), 1 + random.nextInt(3)));
            }
            reopened.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH,
                    cart.total().plus(Money.ofFen(500)), "")), reopened.systemSession());
        }
        long live = reopened.database().fileSize();
        reopened.close();
        Terminal closed = Terminal.open(directory);
        long compacted = closed.database().fileSize();
        closed.close();
        out.printf("disk per 10-line sale over %d sales: %.0f bytes while running, %.0f bytes after close (compacted)",
                SALES, (live - before) / (double) SALES, (compacted - before) / (double) SALES);
        out.println();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
