package org.tongpos.app.reports.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.reports.store.HistoryWriter;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/**
 * Generates a realistic sales history for demos and for measuring reports at scale: about 820 sales a day (more at
 * weekends), opening hours 7:00–22:00 with morning, noon and evening peaks, about ten lines a sale, products drawn with
 * a long tail (a few sell every day, the last 3 % of the catalog never: the slow movers), weighed goods by the gram,
 * cash (with change), payment codes and bank cards, three cashiers, and a refund for about one sale in 300. The same
 * seed gives the same history.
 */
public final class DemoHistory {

    /** Sales on an ordinary weekday. */
    public static final int SALES_PER_WEEKDAY = 760;
    private static final String[] CASHIERS = {"001", "001", "002", "003"};
    /** Relative traffic of the hours 7..21. */
    private static final int[] HOURLY = {4, 9, 6, 5, 7, 10, 8, 5, 5, 6, 8, 10, 9, 6, 3};
    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** What was written. */
    public record Outcome(long sales, long lines, long refunds, LocalDate from, LocalDate to) {
    }

    private final Supplier<HistoryWriter> writers;
    private final ZoneId zone;
    private Random random;

    /** {@code writers} opens a writer on the terminal's (empty) journal. */
    public DemoHistory(Supplier<HistoryWriter> writers, ZoneId zone) {
        this.writers = writers;
        this.zone = zone;
    }

    /**
     * Writes {@code days} days of history ending the day before {@code today}, scaled by {@code salesScale} (1.0:
     * about 300,000 sales a year).
     */
    public Outcome write(List<Product> catalog, LocalDate today, int days, double salesScale, long seed) {
        random = new Random(seed);
        if (catalog.isEmpty()) {
            throw new IllegalStateException("the catalog is empty: load products first (demo-data)");
        }
        List<Product> products = new ArrayList<>(catalog);
        java.util.Collections.shuffle(products, random);
        int selling = Math.max(1, (int) Math.floor(products.size() * 0.97));
        long sales = 0;
        long lines = 0;
        long refunds = 0;
        LocalDate from = today.minusDays(days);
        LocalDate to = today.minusDays(1);
        try (HistoryWriter writer = writers.get()) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                int count = (int) Math.round(salesOn(day) * salesScale);
                List<Integer> seconds = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    seconds.add(secondOfDay());
                }
                seconds.sort(null);
                String businessDate = day.toString();
                for (int second : seconds) {
                    OffsetDateTime at = day.atStartOfDay(zone).plusSeconds(second).toOffsetDateTime();
                    String occurredAt = API_TIME.format(at);
                    int lineCount = 1 + random.nextInt(10) + random.nextInt(10);
                    List<HistoryWriter.Line> saleLines = new ArrayList<>(lineCount);
                    long total = 0;
                    for (int l = 0; l < lineCount; l++) {
                        Product p = products.get(pick(selling));
                        CartLine line = p.isWeighed() ? CartLine.weighed(p, 150 + random.nextInt(1850))
                                : CartLine.pieces(p, random.nextInt(5) == 0 ? 2 + random.nextInt(3) : 1);
                        Long cost = line.costFen().isPresent() ? line.costFen().getAsLong() : null;
                        saleLines.add(new HistoryWriter.Line(p.id(), p.primaryBarcode(), p.name(), p.unit().label(),
                                p.isWeighed(), line.quantity(), line.unitPrice().fen(), line.amount().fen(), cost));
                        total += line.amount().fen();
                    }
                    if (total <= 0) {
                        continue;
                    }
                    String txnId = uuid();
                    int method = random.nextInt(100);
                    EntryTender tender;
                    long tendered = total;
                    if (method < 45) {
                        tender = new EntryTender(TenderMethod.CASH, total, "");
                        long note = random.nextBoolean() ? 5000 : 10000;
                        tendered = ((total + note - 1) / note) * note;
                    } else if (method < 90) {
                        tender = new EntryTender(TenderMethod.PAYMENT_CODE, total,
                                Long.toString(1_000_000_000L + (random.nextLong() & 0x7fffffffL)));
                    } else {
                        tender = new EntryTender(TenderMethod.BANK_CARD, total,
                                Long.toString(100_000 + random.nextInt(900_000)));
                    }
                    writer.sale(txnId, occurredAt, businessDate, CASHIERS[random.nextInt(CASHIERS.length)], total,
                            tendered - total, saleLines, List.of(tender), List.of(tendered));
                    sales++;
                    lines += saleLines.size();
                    if (random.nextInt(300) == 0) {
                        long amount = saleLines.get(0).amountFen();
                        String refundAt = API_TIME.format(at.plusMinutes(5));
                        writer.refund(uuid(), refundAt, businessDate, amount,
                                List.of(new EntryTender(tender.method(), amount, tender.reference())), txnId);
                        refunds++;
                    }
                }
            }
        }
        return new Outcome(sales, lines, refunds, from, to);
    }

    private double salesOn(LocalDate day) {
        double base = SALES_PER_WEEKDAY;
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            base *= 1.3;
        }
        // a little seasonality: busier before the Spring Festival and in December
        if (day.getMonthValue() == 12 || day.getMonthValue() == 1) {
            base *= 1.1;
        }
        return base * (0.85 + random.nextDouble() * 0.3);
    }

    private int secondOfDay() {
        int sum = 0;
        for (int w : HOURLY) {
            sum += w;
        }
        int r = random.nextInt(sum);
        int hour = 0;
        while (r >= HOURLY[hour]) {
            r -= HOURLY[hour];
            hour++;
        }
        return (7 + hour) * 3600 + random.nextInt(3600);
    }

    /** A long tail: index 0 sells most, the tail least. */
    private int pick(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (n * Math.pow(u, 3)));
    }

    private String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
