package org.tongpos.app.kitchen.domain;

/**
 * The cost of a day's meals: the value issued to the kitchen for a period (or the whole day: period "") divided by
 * the meals served (not refunded) in it. {@code costPerMealFen} is -1 when no meal was served.
 */
public record CostPerMeal(String businessDate, String period, long issuedFen, long meals) {

    public long costPerMealFen() {
        return meals == 0 ? -1 : Math.round((double) issuedFen / meals);
    }
}
