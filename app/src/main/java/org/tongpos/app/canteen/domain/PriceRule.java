package org.tongpos.app.canteen.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tongpos.app.money.domain.Money;

/**
 * What a diner type pays in a period: a fixed price, or by dish from the period's menu when {@code fixed} is empty.
 * {@code nthPrices} price the Nth meal of the same period on its own (fixed prices only): meal N costs the price
 * given for the largest listed number not above N, else the fixed price.
 */
public record PriceRule(String period, String dinerType, Optional<Money> fixed, SortedMap<Integer, Money> nthPrices) {

    public PriceRule {
        Objects.requireNonNull(period, "period");
        if (!DinerTypes.isValid(dinerType)) {
            throw new IllegalArgumentException("not a diner type: '" + dinerType + "'");
        }
        fixed.ifPresent(p -> {
            if (!p.isPositive()) {
                throw new IllegalArgumentException("a meal costs more than nothing");
            }
        });
        nthPrices = new TreeMap<>(nthPrices);
        for (Map.Entry<Integer, Money> nth : nthPrices.entrySet()) {
            if (nth.getKey() < 2 || nth.getKey() > 20 || !nth.getValue().isPositive()) {
                throw new IllegalArgumentException("an Nth-meal price is for meal 2 to 20 and more than nothing");
            }
        }
        if (fixed.isEmpty() && !nthPrices.isEmpty()) {
            throw new IllegalArgumentException("Nth-meal prices apply to a fixed price only");
        }
        nthPrices = Collections.unmodifiableSortedMap(nthPrices);
    }

    public static PriceRule fixed(String period, String dinerType, Money price) {
        return new PriceRule(period, dinerType, Optional.of(price), new TreeMap<>());
    }

    public static PriceRule byDish(String period, String dinerType) {
        return new PriceRule(period, dinerType, Optional.empty(), new TreeMap<>());
    }

    public boolean byDish() {
        return fixed.isEmpty();
    }

    /** The fixed price of the {@code nth} meal in the period (1 = the first). */
    public Money priceOfMeal(int nth) {
        SortedMap<Integer, Money> upTo = nthPrices.headMap(nth + 1);
        return upTo.isEmpty() ? fixed.orElseThrow() : upTo.get(upTo.lastKey());
    }
}
