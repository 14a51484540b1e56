package org.tongpos.app.promotions.domain;

import java.util.Objects;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.money.domain.Money;

/**
 * A line of the cart to price, as the till holds it: {@code quantity} pieces, or grams for weighed goods (0 when a
 * price-embedded scale barcode gave only the amount), and the line's undiscounted {@code amount}.
 */
public record PricingLine(Product product, long quantity, Money amount) {

    public PricingLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(amount, "amount");
        if (quantity < 0 || amount.isNegative()) {
            throw new IllegalArgumentException("a line's quantity and amount must not be negative");
        }
    }

    /** {@code count} pieces at the product's price. */
    public static PricingLine pieces(Product product, long count) {
        return new PricingLine(product, count, product.price().times(count));
    }

    /**
     * Whether the line counts as pieces of one price (multibuys and per-piece prices need that): not weighed goods,
     * not scale-priced.
     */
    public boolean isPieces() {
        return !product.isWeighed() && quantity > 0 && amount.fen() % quantity == 0;
    }

    /** The price of one piece of a {@linkplain #isPieces() piece line}. */
    public long unitFen() {
        return amount.fen() / quantity;
    }
}
