package org.tongpos.app.journal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The child JVM of the crash test: commits sales in a loop and prints {@code CONFIRMED seq txnId} for each one
 * only after {@code pay} returned, i.e. after the sale was committed and fsynced. It runs until it is killed.
 */
public final class CrashLoopMain {

    private CrashLoopMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Random random = new Random();
        try (Terminal terminal = Terminal.open(Path.of(args[0]))) {
            out.println("READY");
            while (true) {
                Cart cart = new Cart();
                int lines = 1 + random.nextInt(10);
                for (int i = 0; i < lines; i++) {
                    cart.addPieces(terminal.catalog().byBarcode(
                            DemoCatalog.stapleBarcode(random.nextInt(DemoCatalog.stapleCount()))).orElseThrow(), 1);
                }
                Money tendered = cart.total().plus(Money.ofFen(random.nextInt(1000)));
                CompletedSale sale = terminal.checkout().pay(cart,
                        List.of(new Payment.Offer(TenderMethod.CASH, tendered, "")), TestSessions.cashier("9"));
                out.println("CONFIRMED " + sale.seq() + " " + sale.txnId());
            }
        }
    }
}
