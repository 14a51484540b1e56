package org.tongpos.app.canteen.domain;

import org.tongpos.app.money.domain.Money;

/**
 * What a diner has already eaten: meals in the current period (this terminal's own meals plus other lanes' DEBITs
 * known from the bank's feed) and the money spent on meals today, both counted the same way.
 */
public record MealHistory(int mealsThisPeriod, Money spentToday) {

    public static final MealHistory NONE = new MealHistory(0, Money.ZERO);

    public MealHistory {
        if (mealsThisPeriod < 0) {
            throw new IllegalArgumentException("meals taken cannot be negative");
        }
    }
}
