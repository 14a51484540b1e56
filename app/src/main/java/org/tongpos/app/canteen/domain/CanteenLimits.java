package org.tongpos.app.canteen.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tongpos.app.money.domain.Money;

/** The canteen's settings read into values; see {@link CanteenSetting} for what each means. */
public record CanteenLimits(int mealsPerPeriod, PayOrder payOrder, boolean cashWalkIns, Money overdraft,
                            Optional<Money> dailyCap, Money offlineAccountSpend, Money offlineTerminalTotal,
                            Duration maxOffline) {

    public static final CanteenLimits DEFAULTS = from(Map.of());

    /** Reads the stored values; a setting not stored takes its default. */
    public static CanteenLimits from(Map<CanteenSetting, String> values) {
        Function<CanteenSetting, String> v = s -> values.getOrDefault(s, s.defaultValue());
        Money cap = Money.parseYuan(v.apply(CanteenSetting.DAILY_CAP));
        return new CanteenLimits(Integer.parseInt(v.apply(CanteenSetting.MEALS_PER_PERIOD)),
                v.apply(CanteenSetting.PAY_ORDER).equals("balance-first") ? PayOrder.BALANCE_FIRST
                        : PayOrder.SUBSIDY_FIRST,
                Boolean.parseBoolean(v.apply(CanteenSetting.CASH_WALK_IN)),
                Money.parseYuan(v.apply(CanteenSetting.OVERDRAFT)),
                cap.isZero() ? Optional.empty() : Optional.of(cap),
                Money.parseYuan(v.apply(CanteenSetting.OFFLINE_ACCOUNT_SPEND)),
                Money.parseYuan(v.apply(CanteenSetting.OFFLINE_TERMINAL_TOTAL)),
                Duration.ofHours(Integer.parseInt(v.apply(CanteenSetting.OFFLINE_MAX_HOURS))));
    }
}
