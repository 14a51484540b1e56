package org.tongpos.app.canteen.domain;

import org.tongpos.app.money.domain.Money;

/**
 * How a meal's price is paid: from the subsidy, from the personal balance, or in cash (walk-ins). The parts are never
 * negative and always sum to the price; they become the MEAL entry's {@code SUBSIDY}, {@code ACCOUNT} and
 * {@code CASH} tenders (a zero part is no tender).
 */
public record ChargeSplit(Money subsidy, Money balance, Money cash) {

    public ChargeSplit {
        if (subsidy.isNegative() || balance.isNegative() || cash.isNegative()) {
            throw new IllegalArgumentException("a part of a charge is never negative");
        }
    }

    public Money total() {
        return subsidy.plus(balance).plus(cash);
    }
}
