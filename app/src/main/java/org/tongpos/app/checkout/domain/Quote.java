package org.tongpos.app.checkout.domain;

import java.util.List;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.Discount;
import org.tongpos.app.promotions.domain.PricedCart;

/**
 * What a cart costs for a customer paying with given offers: the cart priced with the active promotions (each
 * discount, the bank's offers when the bank's tender pays it all) and the amount due after cash rounding (抹零) when
 * paid wholly in cash. The screen shows it, the payment settles it, the journal records {@link #payable()}.
 */
public record Quote(PricedCart priced, Money payable) {

    /** The lines' sum before any discount. */
    public Money subtotal() {
        return priced.subtotal();
    }

    /** What the promotions leave to pay, before cash rounding. */
    public Money total() {
        return priced.payable();
    }

    public List<Discount> discounts() {
        return priced.discounts();
    }

    /** The cash rounding taken off {@link #total()} (positive), or added (negative); zero when none. */
    public Money rounding() {
        return priced.payable().minus(payable);
    }
}
