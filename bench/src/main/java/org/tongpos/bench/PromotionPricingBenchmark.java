package org.tongpos.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
import org.tongpos.app.promotions.domain.BankTender;
import org.tongpos.app.promotions.domain.Member;
import org.tongpos.app.promotions.domain.PricedCart;
import org.tongpos.app.promotions.domain.PricingContext;
import org.tongpos.app.promotions.domain.PricingLine;
import org.tongpos.app.promotions.domain.PromotionBook;
import org.tongpos.app.promotions.service.PromotionService;
import org.tongpos.app.promotions.service.Promotions;

/**
 * Pricing a 50-line cart with 1,000 active promotions (issue 9: p99 ≤ 1 ms). The promotions are imported through the
 * promotions CSV into a real terminal with a 10,000-product demo catalog: item promotions of every kind on products
 * (some mix-and-match, some buy X get other goods), percent-off and mix-and-match multibuys on categories, thresholds
 * on the cart and on categories in exclusivity groups, and capped bank offers. Every line of the cart is a product
 * that has at least one item promotion. Sample-time mode, so the report carries p50/p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PromotionPricingBenchmark {

    static final int PRODUCTS = 10_000;
    static final int PROMOTIONS = 1_000;
    static final int LINES = 50;
    /** A Saturday evening: the weekday and hour windows of the generated promotions are mostly open. */
    static final LocalDateTime AT = LocalDateTime.of(2026, 12, 5, 19, 30);

    private BenchStore store;
    private Promotions promotions;
    private PromotionBook book;
    private List<PricingLine> cart;
    private PricingContext memberContext;
    private final Member member = new Member("13800138000", "", "王芳", true);
    private final BankTender card = BankTender.card("6231 **** **** 1234");

    @Setup
    public void setUp() throws Exception {
        store = new BenchStore(PRODUCTS);
        promotions = store.terminal.promotions();
        List<Product> all = store.terminal.catalog().all();
        Random random = new Random(42);
        Set<Product> promoted = new LinkedHashSet<>();
        String csv = promotionsCsv(all, random, promoted);
        PromotionService.SaveOutcome outcome = promotions.promotions()
                .importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "bench");
        if (!outcome.isSaved()) {
            throw new IllegalStateException("bench promotions refused: " + outcome.problems().get(0));
        }
        book = promotions.promotions().book();
        if (book.size() != PROMOTIONS) {
            throw new IllegalStateException("expected " + PROMOTIONS + " active promotions, got " + book.size());
        }
        List<Product> candidates = new ArrayList<>(promoted);
        cart = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            Product p = candidates.get(random.nextInt(candidates.size()));
            cart.add(p.isWeighed() ? new PricingLine(p, 500 + random.nextInt(1000),
                    org.tongpos.app.money.domain.Rounding.weighedAmount(p.price(), 500 + random.nextInt(1000)))
                    : PricingLine.pieces(p, 1 + random.nextInt(4)));
        }
        memberContext = PricingContext.at(AT).withMember(member);
        PricedCart sample = book.price(cart, memberContext);
        if (sample.discounts().isEmpty()) {
            throw new IllegalStateException(book.size() + " promotions gave a " + cart.size()
                    + "-line cart no discount: the benchmark would measure nothing of the engine's work");
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        store.close();
    }

    /** The engine alone: index lookups, item choices, cart thresholds (member prices on). */
    @Benchmark
    public PricedCart priceFiftyLines() {
        return book.price(cart, memberContext);
    }

    /** What the till calls when the customer pays by the bank's card: also reads the card's uses of capped offers. */
    @Benchmark
    public PricedCart priceFiftyLinesPayingByBankCard() {
        return promotions.pricing().price(cart, Optional.of(member), Optional.of(card), AT);
    }

    private static final List<String> COLUMNS = List.of("id", "name", "kind", "target", "targets", "get_targets",
            "buy_qty", "get_qty", "percent", "price", "min_spend", "amount_off", "mix", "tender", "daily_cap",
            "weekdays", "time_from", "time_to", "group");

    /** 1,000 promotions as an import file; adds to {@code promoted} every product an item promotion names. */
    static String promotionsCsv(List<Product> all, Random random, Set<Product> promoted) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        List<Product> pieces = all.stream().filter(p -> !p.isWeighed()).toList();
        List<String> categories = all.stream().map(Product::category).distinct().toList();
        int n = 0;
        for (; n < 600; n++) {
            Product p = pieces.get(random.nextInt(pieces.size()));
            promoted.add(p);
            Map<String, Object> row = row(n, "product", p.primaryBarcode());
            if (random.nextInt(5) == 0) {
                // weekend evenings (the benchmark prices on a Saturday at 19:30)
                row.put("weekdays", "6;7");
                row.put("time_from", "18:00");
                row.put("time_to", "22:00");
            }
            switch (n % 6) {
                case 0 -> row.put("kind", "percent_off");
                case 1 -> {
                    row.put("kind", "fixed_price");
                    row.put("price", yuan(p.price().fen() * (60 + random.nextInt(35)) / 100));
                }
                case 2 -> {
                    row.put("kind", "n_for_price");
                    row.put("buy_qty", 3);
                    row.put("price", yuan(p.price().fen() * 25 / 10));
                    if (random.nextInt(4) == 0) {
                        row.put("mix", "yes");
                        StringBuilder codes = new StringBuilder(p.primaryBarcode());
                        for (int i = 0; i < 2; i++) {
                            Product other = pieces.get(random.nextInt(pieces.size()));
                            promoted.add(other);
                            codes.append(';').append(other.primaryBarcode());
                        }
                        row.put("targets", codes);
                    }
                }
                case 3 -> {
                    row.put("kind", "nth_percent");
                    row.put("buy_qty", 2);
                    row.put("percent", 50);
                }
                case 4 -> {
                    row.put("kind", "buy_x_get_y");
                    row.put("buy_qty", 2);
                    row.put("get_qty", 1);
                    Product given = pieces.get(random.nextInt(pieces.size()));
                    if (random.nextInt(3) == 0 && given != p) {
                        promoted.add(given);
                        row.put("get_targets", given.primaryBarcode());
                    }
                }
                default -> {
                    row.put("kind", "member_price");
                    row.put("price", yuan(p.price().fen() * 9 / 10));
                }
            }
            if ("percent_off".equals(row.get("kind"))) {
                row.put("percent", 5 + random.nextInt(30));
            }
            append(csv, row);
        }
        for (; n < 750; n++) {
            Map<String, Object> row = row(n, "category", categories.get(random.nextInt(categories.size())));
            if (n % 10 == 0) {
                row.put("kind", "nth_percent");
                row.put("buy_qty", 2);
                row.put("percent", 50);
                row.put("mix", n % 20 == 0 ? "yes" : "");
            } else {
                row.put("kind", "percent_off");
                row.put("percent", 3 + random.nextInt(10));
            }
            append(csv, row);
        }
        for (; n < 900; n++) {
            boolean wholeCart = n % 3 != 0;
            String category = categories.get(random.nextInt(categories.size()));
            Map<String, Object> row = row(n, wholeCart ? "all" : "category", wholeCart ? "" : category);
            long minSpend = 50 + random.nextInt(400);
            row.put("kind", "threshold");
            row.put("name", "满" + minSpend + "减" + minSpend / 10);
            row.put("min_spend", minSpend);
            row.put("amount_off", minSpend / 10);
            // tiers of one offer share a group: three whole-cart offers, one per category
            row.put("group", wholeCart ? "tier" + random.nextInt(3) : "cat-" + category);
            append(csv, row);
        }
        for (; n < PROMOTIONS; n++) {
            Map<String, Object> row = row(n, "all", "");
            long minSpend = 30 + random.nextInt(200);
            row.put("kind", "bank_offer");
            row.put("name", "本行卡满" + minSpend + "减" + minSpend / 10);
            row.put("min_spend", minSpend);
            row.put("amount_off", minSpend / 10);
            row.put("tender", new String[] {"BANK_CARD", "PAYMENT_CODE", "ANY"}[random.nextInt(3)]);
            row.put("daily_cap", 1 + random.nextInt(3));
            row.put("group", "bank" + random.nextInt(2));
            append(csv, row);
        }
        return csv.toString();
    }

    private static Map<String, Object> row(int n, String target, String targets) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", String.format("P%04d", n));
        row.put("name", "促销" + n);
        row.put("target", target);
        row.put("targets", targets);
        return row;
    }

    private static void append(StringBuilder csv, Map<String, Object> row) {
        List<String> cells = new ArrayList<>();
        for (String column : COLUMNS) {
            cells.add(String.valueOf(row.getOrDefault(column, "")));
        }
        csv.append(String.join(",", cells)).append('\n');
    }

    private static String yuan(long fen) {
        return org.tongpos.app.money.domain.Money.ofFen(Math.max(1, fen)).toYuanString();
    }
}
