package org.tongpos.app.canteen.domain;

import java.util.Objects;
import org.tongpos.app.money.domain.Money;

/** A dish on a period's menu, picked by its number (number keys on the serving line). */
public record Dish(String period, int number, String name, Money price) {

    public static final int MAX_NUMBER = 999;

    public Dish {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(name, "name");
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("dish numbers are 1 to 999");
        }
        if (name.isBlank() || name.length() > 40) {
            throw new IllegalArgumentException("a dish name is 1 to 40 characters");
        }
        if (!price.isPositive()) {
            throw new IllegalArgumentException("a dish costs more than nothing");
        }
    }
}
