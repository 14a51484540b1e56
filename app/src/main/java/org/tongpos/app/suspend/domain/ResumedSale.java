package org.tongpos.app.suspend.domain;

import java.util.List;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.money.domain.Money;

/**
 * A suspended sale back in a cart, priced as of now: the price changes since it was suspended, and the goods no
 * longer sold (left out of the cart) are listed for the cashier to see.
 */
public record ResumedSale(Cart cart, List<PriceChange> changes, List<String> missing) {

    public ResumedSale {
        changes = List.copyOf(changes);
        missing = List.copyOf(missing);
    }

    /** A line whose unit price is not what it was when suspended. */
    public record PriceChange(String name, Money before, Money now) {
    }
}
