package org.tongpos.app.promotions.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.money.domain.Money;

/** Goods of the demo store for promotion tests, and shorthands for carts. */
final class Goods {

    static final Product COLA = piece(1, "6920000000012", "可口可乐 330ml", "饮料", 300);
    static final Product PEPSI = piece(2, "6920000000029", "百事可乐 330ml", "饮料", 300);
    static final Product WATER = piece(3, "6920000000036", "农夫山泉 550ml", "饮料", 200);
    static final Product YOGURT = piece(8, "6920000000081", "蒙牛酸奶 200g", "乳品", 480);
    static final Product MILK = piece(7, "6920000000074", "伊利纯牛奶 250ml", "乳品", 350);
    static final Product CHIPS = piece(12, "6920000000128", "乐事薯片原味 70g", "休闲零食", 750);
    static final Product RICE = piece(17, "6920000000173", "金龙鱼大米 5kg", "粮油", 3990);
    static final Product OIL = piece(18, "6920000000180", "福临门花生油 5L", "粮油", 8990);
    static final Product TOOTHPASTE = piece(21, "6920000000210", "中华牙膏 140g", "日化", 1290);
    static final Product DETERGENT = piece(24, "6920000000241", "立白洗衣液 2kg", "日化", 3290);
    static final Product APPLE = new Product(31, List.of(), "10001", "红富士苹果", "生鲜", ProductUnit.KILOGRAM,
            Money.ofFen(1280), Optional.empty(), "hfspg");

    /** 2026-11-30 is a Monday. */
    static final LocalDateTime MONDAY_NOON = LocalDateTime.of(2026, 11, 30, 12, 5);

    private Goods() {
    }

    static Product piece(long id, String barcode, String name, String category, long priceFen) {
        return new Product(id, List.of(barcode), "", name, category, ProductUnit.PIECE, Money.ofFen(priceFen),
                Optional.empty(), "");
    }

    static PricingLine line(Product product, long count) {
        return PricingLine.pieces(product, count);
    }

    static PricingLine weighed(Product product, long grams) {
        return new PricingLine(product, grams,
                org.tongpos.app.money.domain.Rounding.weighedAmount(product.price(), grams));
    }

    static List<PricingLine> cart(Object... productsAndCounts) {
        List<PricingLine> lines = new ArrayList<>();
        for (int i = 0; i < productsAndCounts.length; i += 2) {
            lines.add(line((Product) productsAndCounts[i], ((Number) productsAndCounts[i + 1]).longValue()));
        }
        return lines;
    }

    static Money yuan(String text) {
        return Money.parseYuan(text);
    }
}
