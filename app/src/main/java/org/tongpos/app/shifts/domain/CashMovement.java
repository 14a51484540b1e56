package org.tongpos.app.shifts.domain;

import java.util.Objects;
import org.tongpos.app.money.domain.Money;

/** Cash put into the drawer (paid-in, e.g. more change) or taken out (paid-out, e.g. paying a supplier) with a reason. */
public record CashMovement(Kind kind, Money amount, String reason, String occurredAt, String operator) {

    /** Into or out of the drawer. */
    public enum Kind {
        PAID_IN,
        PAID_OUT
    }

    public CashMovement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(operator, "operator");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a paid-in or paid-out is positive");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a paid-in or paid-out needs a reason");
        }
    }

    /** What it does to the cash in the drawer. */
    public Money signed() {
        return kind == Kind.PAID_IN ? amount : amount.negate();
    }
}
