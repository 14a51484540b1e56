package org.tongpos.app.canteen.service;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;

/**
 * The child JVM of {@link MealKillNineTest}: serves meals in a loop at a fixed time (args: data dir, epoch second,
 * the file of QR codes, the number of local diners) and prints {@code CONFIRMED seq txnId CARD|QR index} for each
 * one only after {@code serve} returned. Every fourth meal (the first too) is paid by the next QR code of the file. Runs until killed.
 */
public final class MealCrashLoopMain {

    private MealCrashLoopMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(args[1])), ZoneOffset.UTC);
        List<String> codes = Files.readAllLines(Path.of(args[2]));
        int diners = Integer.parseInt(args[3]);
        Random random = new Random();
        int nextCode = 0;
        try (Terminal terminal = Terminal.open(Path.of(args[0]), clock)) {
            // builds the bank side (replica, keys) before the first meal, as the window does at start; decides only
            terminal.canteen().meals().decide(new MealRequest(new DinerSource.QrCode(codes.get(0)), MealOrder.FIXED));
            out.println("READY");
            for (long n = 0; ; n++) {
                boolean qr = n % 4 == 0 && nextCode < codes.size();
                int index = qr ? nextCode++ : random.nextInt(diners);
                DinerSource source = qr ? new DinerSource.QrCode(codes.get(index))
                        : new DinerSource.Card(MealKillNineTest.card(index));
                ServedMeal meal = terminal.canteen().serving().serve(new MealRequest(source, MealOrder.FIXED),
                        TestSessions.as(Role.CASHIER, "9"));
                if (meal.served()) {
                    out.println("CONFIRMED " + meal.entry().orElseThrow().seq() + " " + meal.entry().orElseThrow().txnId()
                            + (qr ? " QR " : " CARD ") + index);
                } else {
                    out.println("REFUSED " + meal.attempt().decision() + (qr ? " QR " : " CARD ") + index);
                }
            }
        }
    }
}
