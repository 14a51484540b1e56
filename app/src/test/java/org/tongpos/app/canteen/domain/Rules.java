package org.tongpos.app.canteen.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.tongpos.app.money.domain.Money;

/** Small meal rules for tests: built up fluently, read as one {@link MealRules}. */
final class Rules {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-11-30, 12:00 in Shanghai: lunch time. */
    static final ZonedDateTime MONDAY_NOON = ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, SHANGHAI);

    private final List<MealPeriod> periods = new ArrayList<>();
    private final List<PriceRule> prices = new ArrayList<>();
    private final List<Dish> menu = new ArrayList<>();
    private final Map<LocalDate, CalendarDay> calendar = new HashMap<>();
    private final Map<CanteenSetting, String> settings = new EnumMap<>(CanteenSetting.class);

    /** 早餐 07:00-09:00 and 午餐 11:00-13:30 on working days; STAFF pays 5 and 10. */
    static Rules standard() {
        return new Rules().period("早餐", "07:00-09:00", "12345").period("午餐", "11:00-13:30", "12345")
                .price("早餐", "STAFF", "5").price("午餐", "STAFF", "10");
    }

    Rules period(String name, String window, String days) {
        int[] minutes = MealPeriod.parseWindow(window);
        periods.add(new MealPeriod(name, minutes[0], minutes[1], MealPeriod.parseDays(days), OptionalInt.empty()));
        return this;
    }

    Rules periodWithMeals(String name, String window, int meals) {
        int[] minutes = MealPeriod.parseWindow(window);
        periods.add(new MealPeriod(name, minutes[0], minutes[1], MealPeriod.everyDay(), OptionalInt.of(meals)));
        return this;
    }

    Rules price(String period, String type, String yuan) {
        prices.add(PriceRule.fixed(period, type, Money.parseYuan(yuan)));
        return this;
    }

    Rules nthPrice(String period, String type, String yuan, int nth, String nthYuan) {
        TreeMap<Integer, Money> nthPrices = new TreeMap<>();
        nthPrices.put(nth, Money.parseYuan(nthYuan));
        prices.add(new PriceRule(period, type, java.util.Optional.of(Money.parseYuan(yuan)), nthPrices));
        return this;
    }

    Rules byDish(String period, String type) {
        prices.add(PriceRule.byDish(period, type));
        return this;
    }

    Rules dish(String period, int number, String name, String yuan) {
        menu.add(new Dish(period, number, name, Money.parseYuan(yuan)));
        return this;
    }

    Rules day(LocalDate date, CalendarDay.Kind kind) {
        calendar.put(date, new CalendarDay(date, kind, "节日"));
        return this;
    }

    Rules set(CanteenSetting setting, String value) {
        settings.put(setting, value);
        return this;
    }

    MealRules build() {
        return new MealRules(periods, prices, menu, calendar, CanteenLimits.from(settings));
    }

    static DinerAccount staff(String subsidy, String balance) {
        return new DinerAccount("A1", "D1", "", "张伟", "办公室", "STAFF", "04A1B2C3", Money.parseYuan(balance),
                Money.parseYuan(subsidy), false, false, AccountSource.LOCAL);
    }

    static DinerAccount bankStaff(String subsidy, String balance) {
        return new DinerAccount("A1", "D1", "", "张伟", "办公室", "STAFF", "04A1B2C3", Money.parseYuan(balance),
                Money.parseYuan(subsidy), false, false, AccountSource.BANK);
    }
}
