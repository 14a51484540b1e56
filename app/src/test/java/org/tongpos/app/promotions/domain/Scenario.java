package org.tongpos.app.promotions.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.money.domain.Rounding;

/**
 * A small random shop for properties: a few products in two categories (sometimes one weighed), promotions of every
 * kind on them, and a cart. Small enough that a brute force can try every allowed combination.
 */
record Scenario(List<Product> products, List<Promotion> promotions, List<PricingLine> lines) {

    static final String[] CATEGORIES = {"饮料", "零食"};

    static Scenario generate(Random random) {
        int productCount = 2 + random.nextInt(4);
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            if (i == productCount - 1 && random.nextInt(4) == 0) {
                products.add(new Product(100 + i, List.of(), "1000" + i, "散装" + i, category, ProductUnit.KILOGRAM,
                        Money.ofFen(100 + random.nextInt(3000)), Optional.empty(), ""));
            } else {
                products.add(Goods.piece(100 + i, "69" + (100 + i), "商品" + i, category, 50 + random.nextInt(950)));
            }
        }
        List<Promotion> promotions = new ArrayList<>();
        int itemPromotions = 1 + random.nextInt(5);
        for (int i = 0; i < itemPromotions; i++) {
            promotions.add(itemPromotion("I" + i, random, products));
        }
        int cartPromotions = random.nextInt(4);
        for (int i = 0; i < cartPromotions; i++) {
            promotions.add(threshold("C" + i, PromotionKind.THRESHOLD, random, products));
        }
        int bankOffers = random.nextInt(3);
        for (int i = 0; i < bankOffers; i++) {
            promotions.add(threshold("B" + i, PromotionKind.BANK_OFFER, random, products));
        }
        List<PricingLine> lines = new ArrayList<>();
        int lineCount = 1 + random.nextInt(4);
        int pieces = 0;
        for (int i = 0; i < lineCount; i++) {
            Product p = products.get(random.nextInt(products.size()));
            if (p.isWeighed()) {
                long grams = 50 + random.nextInt(2000);
                lines.add(new PricingLine(p, grams, Rounding.weighedAmount(p.price(), grams)));
            } else if (pieces < 8) {
                long count = 1 + random.nextInt(Math.min(3, 8 - pieces));
                pieces += (int) count;
                lines.add(PricingLine.pieces(p, count));
            }
        }
        return new Scenario(products, promotions, lines);
    }

    private static Target someGoods(Random random, List<Product> products, boolean allowAll) {
        int pick = random.nextInt(allowAll ? 3 : 2);
        if (pick == 2) {
            return Target.ALL;
        }
        if (pick == 1) {
            return Target.categories(CATEGORIES[random.nextInt(CATEGORIES.length)]);
        }
        List<String> codes = new ArrayList<>();
        for (Product p : products) {
            if (random.nextInt(2) == 0) {
                codes.add(p.barcodes().isEmpty() ? p.plu() : p.primaryBarcode());
            }
        }
        if (codes.isEmpty()) {
            Product p = products.get(random.nextInt(products.size()));
            codes.add(p.barcodes().isEmpty() ? p.plu() : p.primaryBarcode());
        }
        return Target.of(TargetType.PRODUCT, codes);
    }

    private static Promotion itemPromotion(String id, Random random, List<Product> products) {
        PromotionKind[] kinds = {PromotionKind.PERCENT_OFF, PromotionKind.FIXED_PRICE, PromotionKind.MEMBER_PRICE,
                PromotionKind.N_FOR_PRICE, PromotionKind.NTH_PERCENT, PromotionKind.BUY_X_GET_Y};
        PromotionKind kind = kinds[random.nextInt(kinds.length)];
        Promotion.Builder b = Promotion.builder(id, "促销" + id, kind).priority(random.nextInt(3));
        return switch (kind) {
            case PERCENT_OFF -> b.target(someGoods(random, products, true)).percent(1 + random.nextInt(100)).build();
            case FIXED_PRICE, MEMBER_PRICE -> b.target(someGoods(random, products, false))
                    .price(Money.ofFen(1 + random.nextInt(900))).build();
            case N_FOR_PRICE -> b.target(someGoods(random, products, false)).buy(2 + random.nextInt(2))
                    .price(Money.ofFen(50 + random.nextInt(1500))).mix(random.nextBoolean()).build();
            case NTH_PERCENT -> b.target(someGoods(random, products, true)).buy(2 + random.nextInt(2))
                    .percent(1 + random.nextInt(100)).mix(random.nextBoolean()).build();
            case BUY_X_GET_Y -> {
                b.buy(1 + random.nextInt(2)).get(1 + random.nextInt(2)).percent(random.nextBoolean() ? 0
                        : 1 + random.nextInt(100));
                if (random.nextBoolean()) {
                    Product given = products.get(random.nextInt(products.size()));
                    String code = given.barcodes().isEmpty() ? given.plu() : given.primaryBarcode();
                    List<String> buy = new ArrayList<>();
                    for (Product p : products) {
                        String c = p.barcodes().isEmpty() ? p.plu() : p.primaryBarcode();
                        if (p != given && random.nextBoolean()) {
                            buy.add(c);
                        }
                    }
                    if (buy.isEmpty()) {
                        buy.add("NONE");
                    }
                    yield b.target(Target.of(TargetType.PRODUCT, buy)).getTarget(Target.products(code)).build();
                }
                yield b.target(someGoods(random, products, true)).mix(random.nextBoolean()).build();
            }
            default -> throw new IllegalStateException();
        };
    }

    private static Promotion threshold(String id, PromotionKind kind, Random random, List<Product> products) {
        Promotion.Builder b = Promotion.builder(id, "满减" + id, kind).priority(random.nextInt(3))
                .target(random.nextInt(3) == 0 ? someGoods(random, products, false) : Target.ALL);
        long minSpend = 100 + random.nextInt(3000);
        b.minSpend(Money.ofFen(minSpend));
        if (random.nextBoolean()) {
            b.amountOff(Money.ofFen(1 + random.nextInt((int) Math.min(minSpend, 800)))).stepped(random.nextBoolean());
        } else {
            b.percent(1 + random.nextInt(30));
        }
        if (random.nextInt(4) == 0) {
            b.maxOff(Money.ofFen(1 + random.nextInt(500)));
        }
        int combination = random.nextInt(4);
        if (combination == 1) {
            b.group("g" + random.nextInt(2));
        } else if (combination == 2) {
            b.exclusive(true);
        }
        if (kind == PromotionKind.BANK_OFFER) {
            OfferTender[] tenders = {OfferTender.BANK_CARD, OfferTender.PAYMENT_CODE, OfferTender.ANY};
            b.tender(tenders[random.nextInt(tenders.length)]).dailyCap(random.nextInt(3));
        }
        return b.build();
    }

    Scenario withLines(List<PricingLine> newLines) {
        return new Scenario(products, promotions, newLines);
    }
}
