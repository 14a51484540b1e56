package org.tongpos.app.promotions.domain;

import java.util.List;
import org.tongpos.app.money.domain.Money;

/**
 * A cart after promotions: its lines as given, the undiscounted subtotal, each discount (item discounts first, in
 * line order, then cart promotions, then bank offers), and what the customer pays. {@code payable} = subtotal + the
 * (negative) discounts, never negative and never above the subtotal. {@code capUses} are the capped bank offers this
 * sale uses, to record when it commits.
 */
public record PricedCart(List<PricingLine> lines, Money subtotal, List<Discount> discounts, Money payable,
                         List<CapUse> capUses, List<UnavailableOffer> unavailable) {

    public PricedCart {
        lines = List.copyOf(lines);
        discounts = List.copyOf(discounts);
        capUses = List.copyOf(capUses);
        unavailable = List.copyOf(unavailable);
    }

    /** The sum of the discounts (negative, or zero). */
    public Money totalDiscount() {
        return payable.minus(subtotal);
    }

    /** What the customer pays for line {@code index}: its amount plus the shares of the discounts on it. */
    public Money netOf(int index) {
        Money net = lines.get(index).amount();
        for (Discount d : discounts) {
            for (LineShare share : d.shares()) {
                if (share.line() == index) {
                    net = net.plus(share.amount());
                }
            }
        }
        return net;
    }

    public List<Discount> discountsOf(Stage stage) {
        return discounts.stream().filter(d -> d.stage() == stage).toList();
    }
}
