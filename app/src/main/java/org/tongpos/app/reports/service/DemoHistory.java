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
import java.util.function.Consumer;
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
    public record Outcome(long sales, long lines, long refunds, LocalDate from, LocalDate to, long meals) {
        public Outcome(long sales, long lines, long refunds, LocalDate from, LocalDate to) {
            this(sales, lines, refunds, from, to, 0);
        }
    }

    /** The demo canteen's periods: name, start and end minute, meals a weekday at scale 1.0, price in fen. */
    private static final String[][] PERIODS = {{"早餐", "420", "540"}, {"午餐", "690", "810"}, {"晚餐", "1050", "1170"}};
    private static final int[] MEALS_PER_WEEKDAY = {500, 1100, 400};
    private static final long[] MEAL_PRICE_FEN = {400, 1200, 1000};
    private static final String[] DEPARTMENTS = {"办公室", "财务处", "后勤处", "信息中心", "人事处"};

    private final Supplier<HistoryWriter> writers;
    private final ZoneId zone;
    private final Consumer<LocalDate> dayWritten;
    private Random random;

    /** {@code writers} opens a writer on the terminal's (empty) journal. */
    public DemoHistory(Supplier<HistoryWriter> writers, ZoneId zone) {
        this(writers, zone, day -> { });
    }

    /**
     * @param dayWritten called after each day is committed (the reports summarise it then, while its rows are in
     *                   H2's cache, instead of reading a year back from the file afterwards), on a thread of its own
     *                   while the next day is written ({@link DayHandOff}); a failure there fails the history
     */
    public DemoHistory(Supplier<HistoryWriter> writers, ZoneId zone, Consumer<LocalDate> dayWritten) {
        this.writers = writers;
        this.zone = zone;
        this.dayWritten = dayWritten;
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
        long meals = 0;
        int diners = Math.max(10, (int) Math.round(1500 * salesScale));
        LocalDate from = today.minusDays(days);
        LocalDate to = today.minusDays(1);
        try (HistoryWriter writer = writers.get(); DayHandOff summaries = new DayHandOff(dayWritten)) {
            writer.canteen(java.util.Arrays.asList(PERIODS), demoDiners(diners));
            boolean planted = false;
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
                    String txnId = uuid(at);
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
                        writer.refund(uuid(at.plusMinutes(5)), refundAt, businessDate, amount,
                                List.of(new EntryTender(tender.method(), amount, tender.reference())), txnId);
                        refunds++;
                    }
                }
                meals += meals(writer, day, diners, salesScale, !planted);
                planted = planted || isWeekday(day);
                writer.endOfDay();
                summaries.hand(day);
            }
            summaries.finish();
        }
        return new Outcome(sales, lines, refunds, from, to, meals);
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek().getValue() <= 5;
    }

    private static List<String[]> demoDiners(int n) {
        List<String[]> diners = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String id = String.format(java.util.Locale.ROOT, "D%05d", i);
            diners.add(new String[] {"DEMO-" + id, id, "职工" + i, DEPARTMENTS[i % DEPARTMENTS.length],
                    i % 10 == 0 ? "离退休" : "在职"});
        }
        return diners;
    }

    /**
     * A weekday's meals (the canteen is closed at weekends): about 2,000 at scale 1.0 over breakfast, lunch and dinner,
     * busier early in the week, each diner at most once a period, lunch half paid by subsidy; after the day's sales in
     * the journal. With {@code plant}, one diner has lunch twice: the double meal an inspector should find.
     */
    private long meals(HistoryWriter writer, LocalDate day, int diners, double scale, boolean plant) {
        if (!isWeekday(day)) {
            return 0;
        }
        long written = 0;
        double weekday = 1.08 - 0.04 * day.getDayOfWeek().getValue();
        for (int p = 0; p < PERIODS.length; p++) {
            int n = (int) Math.min(diners, Math.round(MEALS_PER_WEEKDAY[p] * scale * weekday
                    * (0.94 + random.nextDouble() * 0.12)));
            int start = Integer.parseInt(PERIODS[p][1]);
            int length = Integer.parseInt(PERIODS[p][2]) - start;
            List<Integer> seconds = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                seconds.add(start * 60 + random.nextInt(length * 60));
            }
            seconds.sort(null);
            int first = random.nextInt(diners);
            for (int i = 0; i < n; i++) {
                int diner = 1 + (first + i) % diners;
                String id = String.format(java.util.Locale.ROOT, "D%05d", diner);
                long price = MEAL_PRICE_FEN[p];
                long subsidy = p == 1 ? price / 2 : 0;
                OffsetDateTime time = day.atStartOfDay(zone).plusSeconds(seconds.get(i)).toOffsetDateTime();
                String at = API_TIME.format(time);
                writer.meal(uuid(time), at, day.toString(), "DEMO-" + id, id, PERIODS[p][0], 1, subsidy, price - subsidy);
                written++;
                if (plant && p == 1 && i == 0) {
                    OffsetDateTime later = day.atStartOfDay(zone).plusSeconds(seconds.get(i) + 240).toOffsetDateTime();
                    writer.meal(uuid(later), API_TIME.format(later), day.toString(), "DEMO-" + id, id,
                            PERIODS[p][0], 2, subsidy, price - subsidy);
                    written++;
                }
            }
        }
        return written;
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

    /**
     * A time-ordered (version 7, RFC 9562) id from the seed: the milliseconds of {@code at} in the top 48 bits, then
     * random bits. A history's ids then grow with time, as the indexes on them would see them from a till that makes
     * v7 ids, and H2 appends each day's rows to the end of its indexes instead of touching pages all over them (with
     * random v4 ids a year of history spent most of its time reading back and rewriting index pages).
     */
    private String uuid(OffsetDateTime at) {
        long millis = at.toInstant().toEpochMilli() + random.nextInt(1000);
        long most = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
