package org.tongpos.app.canteen.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The canteen's limits and switches ({@code canteen limit set KEY VALUE}), each with its default and a check of the
 * values it accepts. Amounts are in yuan; {@code 0} turns {@code daily-cap} off.
 */
public enum CanteenSetting {
    /** Meals one diner may take in one period, unless the period says otherwise. */
    MEALS_PER_PERIOD("meals-per-period", "1", v -> v.matches("[1-9]|1\\d|20")),
    /** {@code subsidy-first} or {@code balance-first}. */
    PAY_ORDER("pay-order", "subsidy-first", v -> v.matches("subsidy-first|balance-first")),
    /** Whether someone without an account may pay a meal in cash (priced as diner type WALK_IN). */
    CASH_WALK_IN("cash-walk-in", "false", v -> v.matches("true|false")),
    /** How far below zero a personal balance may go (yuan). */
    OVERDRAFT("overdraft", "0", CanteenSetting::isYuan),
    /** Most one diner may spend on meals in one day (yuan); 0 for no cap. */
    DAILY_CAP("daily-cap", "0", CanteenSetting::isYuan),
    /** Most one bank account may be charged on this terminal beyond the balance the bank last reported (yuan). */
    OFFLINE_ACCOUNT_SPEND("offline.account-spend", "50", CanteenSetting::isYuan),
    /** Most this terminal may charge to bank accounts before the bank has confirmed it (yuan). */
    OFFLINE_TERMINAL_TOTAL("offline.terminal-total", "3000", CanteenSetting::isYuan),
    /** Longest time (hours) bank accounts are charged after the accounts feed was last brought up to date. */
    OFFLINE_MAX_HOURS("offline.max-hours", "24", v -> v.matches("[1-9]\\d{0,2}") && Integer.parseInt(v) <= 720);

    private final String key;
    private final String defaultValue;
    private final Predicate<String> valid;

    CanteenSetting(String key, String defaultValue, Predicate<String> valid) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.valid = valid;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean accepts(String value) {
        return value != null && valid.test(value);
    }

    public static Optional<CanteenSetting> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    private static boolean isYuan(String value) {
        return value.matches("\\d{1,7}(\\.\\d{1,2})?");
    }
}
