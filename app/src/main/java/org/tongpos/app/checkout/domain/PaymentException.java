package org.tongpos.app.checkout.domain;

import org.tongpos.app.money.domain.Money;

/** The customer's offers do not settle the sale; {@link #stillDue()} tells how much is missing where it applies. */
public final class PaymentException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a payment was refused. */
    public enum Reason {
        SHORT, OVERPAID, DUPLICATE_METHOD, NOT_POSITIVE, NOTHING_DUE,
        /** A bank offer the sale was priced with was used up meanwhile (its daily cap): price again. */
        OFFER_USED_UP
    }

    private final Reason reason;
    private final transient Money stillDue;

    public PaymentException(Reason reason, Money stillDue) {
        super(reason + " (due " + stillDue.toYuanString() + ")");
        this.reason = reason;
        this.stillDue = stillDue;
    }

    public Reason reason() {
        return reason;
    }

    public Money stillDue() {
        return stillDue;
    }
}
