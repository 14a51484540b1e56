package org.tongpos.app.checkout.domain;

import java.util.Objects;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.journal.TenderMethod;

/**
 * A payment taken for a sale. {@code amount} is what goes to the sale; {@code tendered} is what the customer handed
 * over (more than the amount for cash with change); {@code reference} is the bank trade number for non-cash methods
 * (the card terminal's reference number for a bank card); {@code cardNumber} the masked number of the bank card when
 * the till's card reader read it, else empty (printed on the receipt, never in the journal).
 */
public record Tender(TenderMethod method, Money amount, Money tendered, String reference, String cardNumber) {

    public Tender(TenderMethod method, Money amount, Money tendered, String reference) {
        this(method, amount, tendered, reference, "");
    }

    public Tender {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(tendered, "tendered");
        reference = reference == null ? "" : reference;
        cardNumber = cardNumber == null ? "" : cardNumber;
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a tender must be positive");
        }
        if (tendered.isLessThan(amount)) {
            throw new IllegalArgumentException("tendered is less than the amount");
        }
    }

    public static Tender cash(Money amount, Money tendered) {
        return new Tender(TenderMethod.CASH, amount, tendered, "");
    }

    public Money change() {
        return tendered.minus(amount);
    }
}
