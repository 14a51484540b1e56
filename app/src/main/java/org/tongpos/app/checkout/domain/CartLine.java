package org.tongpos.app.checkout.domain;

import java.util.Objects;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.money.domain.Rounding;

/**
 * One line of a cart. {@code quantity} counts pieces, or grams for weighed goods. A line from a price-embedded
 * scale barcode carries the scale's amount as it is and a quantity of 0 grams when the weight is not known.
 */
public record CartLine(Product product, long quantity, Money unitPrice, Money amount) {

    public CartLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        if (quantity < 0 || (!product.isWeighed() && quantity == 0)) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }

    public static CartLine pieces(Product product, long count) {
        if (product.isWeighed()) {
            throw new IllegalArgumentException("weighed goods are sold by weight: " + product.name());
        }
        return new CartLine(product, count, product.price(), product.price().times(count));
    }

    public static CartLine weighed(Product product, long grams) {
        if (!product.isWeighed()) {
            throw new IllegalArgumentException("not sold by weight: " + product.name());
        }
        if (grams <= 0) {
            throw new IllegalArgumentException("weight must be positive: " + grams + " g");
        }
        return new CartLine(product, grams, product.price(), Rounding.weighedAmount(product.price(), grams));
    }

    /** A line whose amount the scale already priced (price-embedded scale barcode). */
    public static CartLine scalePriced(Product product, Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a scale price must be positive");
        }
        return new CartLine(product, 0, product.price(), amount);
    }

    public boolean isWeighed() {
        return product.isWeighed();
    }

    /**
     * What the line cost the shop, from the product's cost as it is now (recorded with the sale so that reports use
     * the cost at the time of sale): pieces × cost, grams × cost per kg, or for a scale-priced line without a weight
     * the amount × cost ÷ price. Empty when the product has no cost.
     */
    public java.util.OptionalLong costFen() {
        if (product.cost().isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        long cost = product.cost().get().fen();
        if (!isWeighed()) {
            return java.util.OptionalLong.of(cost * quantity);
        }
        if (quantity > 0) {
            return java.util.OptionalLong.of(Rounding.weighedAmount(product.cost().get(), quantity).fen());
        }
        long price = product.price().fen();
        return java.util.OptionalLong.of(price == 0 ? 0
                : Rounding.divideHalfUp(Math.multiplyExact(amount.fen(), cost), price));
    }

    /** Pieces count for the item counter; a weighed line counts as one item. */
    public long itemCount() {
        return isWeighed() ? 1 : quantity;
    }

    public CartLine withQuantity(long newQuantity) {
        return isWeighed() ? weighed(product, newQuantity) : pieces(product, newQuantity);
    }

    /** True when scanning {@code other} again should add to this line instead of starting a new one. */
    boolean canMergeWith(Product other) {
        return !isWeighed() && product.id() == other.id();
    }
}
