package org.tongpos.app.canteen.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule of the canteen at one moment: periods, prices, menus, the calendar and the limits. Immutable. */
public record MealRules(List<MealPeriod> periods, List<PriceRule> prices, List<Dish> menu,
                        Map<LocalDate, CalendarDay> calendar, CanteenLimits limits) {

    public MealRules {
        periods = periods.stream().sorted(Comparator.comparingInt(MealPeriod::startMinute)).toList();
        prices = List.copyOf(prices);
        menu = menu.stream().sorted(Comparator.comparing(Dish::period).thenComparingInt(Dish::number)).toList();
        calendar = Map.copyOf(calendar);
    }

    public static MealRules empty() {
        return new MealRules(List.of(), List.of(), List.of(), Map.of(), CanteenLimits.DEFAULTS);
    }

    public Optional<CalendarDay> day(LocalDate date) {
        return Optional.ofNullable(calendar.get(date));
    }

    public boolean closedOn(LocalDate date) {
        return day(date).map(d -> d.kind() == CalendarDay.Kind.CLOSED).orElse(false);
    }

    /**
     * The period served at this local time, if any: on a make-up working day every period is served whatever its
     * weekdays; on a closed day none (ask {@link #closedOn} first to say why).
     */
    public Optional<MealPeriod> periodAt(LocalDateTime at) {
        if (closedOn(at.toLocalDate())) {
            return Optional.empty();
        }
        boolean workday = day(at.toLocalDate()).map(d -> d.kind() == CalendarDay.Kind.WORKDAY).orElse(false);
        return periods.stream()
                .filter(p -> (workday || p.servedOn(at.getDayOfWeek())) && p.covers(at.toLocalTime()))
                .findFirst();
    }

    public Optional<MealPeriod> period(String name) {
        return periods.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PriceRule> price(String period, String dinerType) {
        return prices.stream().filter(p -> p.period().equals(period) && p.dinerType().equals(dinerType)).findFirst();
    }

    public Optional<Dish> dish(String period, int number) {
        return menu.stream().filter(d -> d.period().equals(period) && d.number() == number).findFirst();
    }

    public List<Dish> menuOf(String period) {
        return menu.stream().filter(d -> d.period().equals(period)).toList();
    }

    /** How many meals one diner may take in this period. */
    public int mealsAllowed(MealPeriod period) {
        return period.mealsAllowed().orElse(limits.mealsPerPeriod());
    }
}
