package org.tongpos.app.settings.domain;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import org.tongpos.app.catalog.domain.ScaleBarcodeLayout;

/** The terminal's settings, each with its default and a check of the values it accepts. */
public enum SettingKey {
    TERMINAL_ID("terminal.id", "T0001", v -> v.matches("[A-Za-z0-9_-]{1,32}")),
    STORE_NAME("store.name", "通商便民超市", v -> !v.isBlank() && v.length() <= 60),
    CASHIER("cashier.name", "001", v -> !v.isBlank() && v.length() <= 32),
    LOCALE("ui.locale", "zh_CN", v -> v.equals("zh_CN") || v.equals("en")),
    TIME_ZONE("business.zone", "Asia/Shanghai", SettingKey::isZone),
    SCALE_LAYOUT("scale.layout", ScaleBarcodeLayout.DEFAULT.format(), SettingKey::isScaleLayout),
    RECEIPT_COLUMNS("receipt.columns", "32", v -> v.matches("32|42|48")),
    BANK_URL("bank.url", "", v -> v.isEmpty() || v.matches("https?://\\S+")),
    BANK_KEY("bank.key", "", v -> v.isEmpty() || v.matches("[A-Za-z0-9+/]{43}=")),
    BANK_MERCHANT("bank.merchant-id", "", v -> v.length() <= 32);

    private final String key;
    private final String defaultValue;
    private final Predicate<String> valid;

    SettingKey(String key, String defaultValue, Predicate<String> valid) {
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

    /** True for settings whose value must never be printed in full (logs, {@code config list}). */
    public boolean isSecret() {
        return this == BANK_KEY;
    }

    public static Optional<SettingKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    private static boolean isZone(String value) {
        try {
            ZoneId.of(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isScaleLayout(String value) {
        try {
            ScaleBarcodeLayout.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
