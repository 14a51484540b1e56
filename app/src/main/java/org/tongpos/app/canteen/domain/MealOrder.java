package org.tongpos.app.canteen.domain;

import java.util.List;

/** What the diner takes: nothing to choose at a fixed price, or dish numbers from the menu (a number may repeat). */
public record MealOrder(List<Integer> dishes) {

    public static final int MAX_DISHES = 20;
    public static final MealOrder FIXED = new MealOrder(List.of());

    public MealOrder {
        dishes = List.copyOf(dishes);
    }

    public static MealOrder ofDishes(List<Integer> numbers) {
        return new MealOrder(numbers);
    }
}
