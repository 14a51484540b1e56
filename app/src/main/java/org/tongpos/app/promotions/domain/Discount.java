package org.tongpos.app.promotions.domain;

import java.util.List;
import org.tongpos.app.money.domain.Money;

/**
 * One discount of a priced cart, shown as its own line on the screen and the receipt: the promotion's id and name,
 * the amount (negative) and how it falls on the cart's lines (shares add up to the amount).
 */
public record Discount(String promotionId, String name, PromotionKind kind, Money amount, List<LineShare> shares) {

    public Discount {
        shares = List.copyOf(shares);
        if (!amount.isNegative()) {
            throw new IllegalArgumentException("a discount is negative: " + amount);
        }
    }

    public Stage stage() {
        return kind.stage();
    }

    /** The last cart line the discount falls on: where a receipt prints an item discount. */
    public int lastLine() {
        return shares.stream().mapToInt(LineShare::line).max().orElse(-1);
    }
}
