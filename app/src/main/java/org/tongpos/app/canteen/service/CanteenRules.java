package org.tongpos.app.canteen.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.canteen.domain.CalendarDay;
import org.tongpos.app.canteen.domain.CanteenSetting;
import org.tongpos.app.canteen.domain.DinerTypes;
import org.tongpos.app.canteen.domain.Dish;
import org.tongpos.app.canteen.domain.MealPeriod;
import org.tongpos.app.canteen.domain.MealRules;
import org.tongpos.app.canteen.domain.PriceRule;
import org.tongpos.app.canteen.store.CanteenRuleStore;
import org.tongpos.app.money.domain.Money;

/**
 * Reads and changes the canteen's meal rules. Every change is checked first (a refused change throws
 * {@link RuleProblem} and changes nothing), stored and forced to disk, then handed to the {@link RuleChangeListener}
 * (the audit log's seam). The rules are read once and kept until the next change made here (one process owns the
 * database), so a decision does not read them again.
 */
public final class CanteenRules {

    private final CanteenRuleStore store;
    private final RuleChangeListener audit;
    private final Clock clock;
    private volatile MealRules cached;

    public CanteenRules(CanteenRuleStore store, RuleChangeListener audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rules now. */
    public MealRules rules() {
        MealRules rules = cached;
        if (rules == null) {
            rules = store.load();
            cached = rules;
        }
        return rules;
    }

    /**
     * Sets a meal period (new, or the same name again to change it).
     *
     * @param window  {@code HH:MM-HH:MM}
     * @param days    weekday digits {@code 1234567}, 1 = Monday
     * @param meals   meals a diner may take in it, or empty for the canteen's setting
     */
    /** As the other setPeriod, by the command line (an administrator's tool) recorded as {@code operator}. */
    public MealPeriod setPeriod(String name, String window, String days, OptionalInt meals,
                                             String operator) {
        return setPeriod(name, window, days, meals, Session.commandLine(operator, clock.instant()));
    }

    public MealPeriod setPeriod(String name, String window, String days, OptionalInt meals, Session by) {
        return setPeriod(name, window, days, meals, by, Optional.empty());
    }

    /** As the other setPeriod, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized MealPeriod setPeriod(String name, String window, String days, OptionalInt meals,
                                             Session by, Optional<Session> approver) {
        requireEdit(by, approver);
        if (!MealPeriod.isName(name)) {
            throw RuleProblem.of("canteen.rule.badPeriodName", name);
        }
        int[] minutes;
        try {
            minutes = MealPeriod.parseWindow(window);
        } catch (IllegalArgumentException e) {
            throw RuleProblem.of("canteen.rule.badWindow", window);
        }
        MealPeriod period;
        try {
            period = new MealPeriod(name, minutes[0], minutes[1], MealPeriod.parseDays(days), meals);
        } catch (IllegalArgumentException e) {
            throw meals.isPresent() && (meals.getAsInt() < 1 || meals.getAsInt() > 20)
                    ? RuleProblem.of("canteen.rule.badMeals", meals.getAsInt())
                    : RuleProblem.of("canteen.rule.badDays", days);
        }
        Optional<MealPeriod> clash = rules().periods().stream()
                .filter(p -> !p.name().equals(name) && p.overlaps(period)).findFirst();
        if (clash.isPresent()) {
            throw RuleProblem.of("canteen.rule.overlap", name, clash.get().name(), clash.get().window(),
                    clash.get().daysText());
        }
        String before = rules().period(name).map(CanteenRules::describe).orElse("");
        store.savePeriod(period);
        changed("period " + name, before, describe(period), by, approver);
        return period;
    }

    /** As the other removePeriod, by the command line (an administrator's tool) recorded as {@code operator}. */
    public void removePeriod(String name, String operator) {
        removePeriod(name, Session.commandLine(operator, clock.instant()));
    }

    public void removePeriod(String name, Session by) {
        removePeriod(name, by, Optional.empty());
    }

    /** As the other removePeriod, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized void removePeriod(String name, Session by, Optional<Session> approver) {
        requireEdit(by, approver);
        MealPeriod period = rules().period(name).orElseThrow(() -> RuleProblem.of("canteen.rule.noPeriod", name));
        store.removePeriod(name);
        changed("period " + name, describe(period), "", by, approver);
    }

    /**
     * Sets what a diner type pays in a period: a fixed price with optional Nth-meal prices, or by dish when
     * {@code fixed} is empty.
     */
    /** As the other setPrice, by the command line (an administrator's tool) recorded as {@code operator}. */
    public PriceRule setPrice(String periodName, String dinerType, Optional<Money> fixed,
                                           SortedMap<Integer, Money> nthPrices, String operator) {
        return setPrice(periodName, dinerType, fixed, nthPrices, Session.commandLine(operator, clock.instant()));
    }

    public PriceRule setPrice(String periodName, String dinerType, Optional<Money> fixed,
                                           SortedMap<Integer, Money> nthPrices, Session by) {
        return setPrice(periodName, dinerType, fixed, nthPrices, by, Optional.empty());
    }

    /** As the other setPrice, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized PriceRule setPrice(String periodName, String dinerType, Optional<Money> fixed,
                                           SortedMap<Integer, Money> nthPrices, Session by,
                                           Optional<Session> approver) {
        requireEdit(by, approver);
        requirePeriod(periodName);
        String type = DinerTypes.normalize(dinerType);
        if (!DinerTypes.isValid(type)) {
            throw RuleProblem.of("canteen.rule.badDinerType", dinerType);
        }
        if (fixed.isPresent() && !fixed.get().isPositive()) {
            throw RuleProblem.of("canteen.rule.badPrice", fixed.get().toYuanString());
        }
        PriceRule rule;
        try {
            rule = new PriceRule(periodName, type, fixed, nthPrices);
        } catch (IllegalArgumentException e) {
            throw RuleProblem.of("canteen.rule.badNthPrice");
        }
        String before = rules().price(periodName, type).map(CanteenRules::describe).orElse("");
        store.savePrice(rule);
        changed("price " + periodName + " " + type, before, describe(rule), by, approver);
        return rule;
    }

    /** As the other removePrice, by the command line (an administrator's tool) recorded as {@code operator}. */
    public void removePrice(String periodName, String dinerType, String operator) {
        removePrice(periodName, dinerType, Session.commandLine(operator, clock.instant()));
    }

    public void removePrice(String periodName, String dinerType, Session by) {
        removePrice(periodName, dinerType, by, Optional.empty());
    }

    /** As the other removePrice, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized void removePrice(String periodName, String dinerType, Session by, Optional<Session> approver) {
        requireEdit(by, approver);
        String type = DinerTypes.normalize(dinerType);
        PriceRule rule = rules().price(periodName, type)
                .orElseThrow(() -> RuleProblem.of("canteen.rule.noPrice", periodName, type));
        store.removePrice(periodName, type);
        changed("price " + periodName + " " + type, describe(rule), "", by, approver);
    }

    /** As the other setDish, by the command line (an administrator's tool) recorded as {@code operator}. */
    public Dish setDish(String periodName, int number, String name, Money price, String operator) {
        return setDish(periodName, number, name, price, Session.commandLine(operator, clock.instant()));
    }

    public Dish setDish(String periodName, int number, String name, Money price, Session by) {
        return setDish(periodName, number, name, price, by, Optional.empty());
    }

    /** As the other setDish, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized Dish setDish(String periodName, int number, String name, Money price, Session by,
                                     Optional<Session> approver) {
        requireEdit(by, approver);
        requirePeriod(periodName);
        if (number < 1 || number > Dish.MAX_NUMBER) {
            throw RuleProblem.of("canteen.rule.badDishNo", number);
        }
        if (name.isBlank() || name.strip().length() > 40) {
            throw RuleProblem.of("canteen.rule.badDishName");
        }
        if (!price.isPositive()) {
            throw RuleProblem.of("canteen.rule.badPrice", price.toYuanString());
        }
        Dish dish = new Dish(periodName, number, name.strip(), price);
        String before = rules().dish(periodName, number).map(CanteenRules::describe).orElse("");
        store.saveDish(dish);
        changed("dish " + periodName + " " + number, before, describe(dish), by, approver);
        return dish;
    }

    /** As the other removeDish, by the command line (an administrator's tool) recorded as {@code operator}. */
    public void removeDish(String periodName, int number, String operator) {
        removeDish(periodName, number, Session.commandLine(operator, clock.instant()));
    }

    public void removeDish(String periodName, int number, Session by) {
        removeDish(periodName, number, by, Optional.empty());
    }

    /** As the other removeDish, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized void removeDish(String periodName, int number, Session by, Optional<Session> approver) {
        requireEdit(by, approver);
        Dish dish = rules().dish(periodName, number)
                .orElseThrow(() -> RuleProblem.of("canteen.rule.noDish", number, periodName));
        store.removeDish(periodName, number);
        changed("dish " + periodName + " " + number, describe(dish), "", by, approver);
    }

    /** Marks a date closed (a holiday) or a make-up working day. */
    /** As the other setDay, by the command line (an administrator's tool) recorded as {@code operator}. */
    public CalendarDay setDay(LocalDate date, CalendarDay.Kind kind, String note, String operator) {
        return setDay(date, kind, note, Session.commandLine(operator, clock.instant()));
    }

    public CalendarDay setDay(LocalDate date, CalendarDay.Kind kind, String note, Session by) {
        return setDay(date, kind, note, by, Optional.empty());
    }

    /** As the other setDay, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized CalendarDay setDay(LocalDate date, CalendarDay.Kind kind, String note, Session by,
                                           Optional<Session> approver) {
        requireEdit(by, approver);
        if (note != null && note.strip().length() > 60) {
            throw RuleProblem.of("canteen.rule.noteTooLong");
        }
        CalendarDay day = new CalendarDay(date, kind, note);
        String before = rules().day(date).map(CanteenRules::describe).orElse("");
        store.saveDay(day);
        changed("day " + date, before, describe(day), by, approver);
        return day;
    }

    /** As the other removeDay, by the command line (an administrator's tool) recorded as {@code operator}. */
    public void removeDay(LocalDate date, String operator) {
        removeDay(date, Session.commandLine(operator, clock.instant()));
    }

    public void removeDay(LocalDate date, Session by) {
        removeDay(date, by, Optional.empty());
    }

    /** As the other removeDay, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized void removeDay(LocalDate date, Session by, Optional<Session> approver) {
        requireEdit(by, approver);
        CalendarDay day = rules().day(date).orElseThrow(() -> RuleProblem.of("canteen.rule.noDay", date.toString()));
        store.removeDay(date);
        changed("day " + date, describe(day), "", by, approver);
    }

    /** Sets one of the canteen's limits or switches ({@link CanteenSetting}) by its key. */
    /** As the other setLimit, by the command line (an administrator's tool) recorded as {@code operator}. */
    public void setLimit(String key, String value, String operator) {
        setLimit(key, value, Session.commandLine(operator, clock.instant()));
    }

    public void setLimit(String key, String value, Session by) {
        setLimit(key, value, by, Optional.empty());
    }

    /** As the other setLimit, approved in place by {@code approver} (recorded in the audit log with it). */
    public synchronized void setLimit(String key, String value, Session by, Optional<Session> approver) {
        requireEdit(by, approver);
        CanteenSetting setting = CanteenSetting.byKey(key)
                .orElseThrow(() -> RuleProblem.of("canteen.rule.unknownLimit", key));
        String normalized = value.strip();
        if (!setting.accepts(normalized)) {
            throw RuleProblem.of("canteen.rule.badLimit", key, value);
        }
        String before = store.setting(setting).orElse(setting.defaultValue());
        store.saveSetting(setting, normalized);
        changed("limit " + key, before, normalized, by, approver);
    }

    /** Every setting with its value now (the default when never set). */
    public Map<CanteenSetting, String> limits() {
        Map<CanteenSetting, String> values = new EnumMap<>(CanteenSetting.class);
        for (CanteenSetting setting : CanteenSetting.values()) {
            values.put(setting, store.setting(setting).orElse(setting.defaultValue()));
        }
        return values;
    }

    private void requirePeriod(String name) {
        if (rules().period(name).isEmpty()) {
            throw RuleProblem.of("canteen.rule.noPeriod", name);
        }
    }

    private void changed(String subject, String before, String after, Session by, Optional<Session> approver) {
        cached = null;
        audit.ruleChanged(new RuleChange(subject, before, after, by.recordedAs(), OffsetDateTime.now(clock), by,
                approver.map(Session::recordedAs).orElse("")));
    }

    /**
     * The acting session may change the rules, or an operator who may approved it in place; an operator who may
     * change nothing (an auditor) is refused either way.
     */
    private static void requireEdit(Session by, Optional<Session> approver) {
        if (approver.isEmpty()) {
            by.require(Permission.EDIT_MEAL_RULES);
            return;
        }
        approver.get().require(Permission.EDIT_MEAL_RULES);
        boolean changesAnything = by.role().map(role -> role.permissions().stream().anyMatch(Permission::changesData))
                .orElse(true);
        if (!changesAnything) {
            throw new AccessDeniedException(by.operator().orElseThrow(), Permission.EDIT_MEAL_RULES);
        }
    }

    /** True when {@code by} may change the rules itself, or with an approval in place (not an auditor). */
    public static boolean mayEdit(Session by) {
        return by.may(Permission.EDIT_MEAL_RULES)
                || by.role().map(role -> role.permissions().stream().anyMatch(Permission::changesData)).orElse(true);
    }

    static String describe(MealPeriod p) {
        return p.window() + " days " + p.daysText()
                + (p.mealsAllowed().isPresent() ? " meals " + p.mealsAllowed().getAsInt() : "");
    }

    static String describe(PriceRule r) {
        if (r.byDish()) {
            return "by dish";
        }
        return r.fixed().orElseThrow().toYuanString() + r.nthPrices().entrySet().stream()
                .map(e -> " nth " + e.getKey() + "=" + e.getValue().toYuanString()).collect(Collectors.joining());
    }

    static String describe(Dish d) {
        return d.name() + " " + d.price().toYuanString();
    }

    static String describe(CalendarDay d) {
        return d.kind() + (d.note().isEmpty() ? "" : " " + d.note());
    }
}
