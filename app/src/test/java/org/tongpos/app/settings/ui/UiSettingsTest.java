package org.tongpos.app.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.settings.domain.SettingKey;

class UiSettingsTest {

    private static UiSettings withCommandKeys(Map<CashierAction, String> till, Map<String, String> commands) {
        return new UiSettings("zh_CN", till, commands);
    }

    private static String bound(UiSettings settings, SettingKey setting) {
        return settings.commandKeyBindings().get(setting.key()).getName();
    }

    @Test
    void everyFeatureCommandHasItsDefaultKeyWhenNothingIsStored() {
        UiSettings settings = withCommandKeys(Map.of(), Map.of());

        assertThat(settings.commandKeyBindings()).containsOnlyKeys("key.bank", "key.devices", "key.reprint", "key.lock",
                "key.suspend", "key.resume", "key.return", "key.shift", "key.paid-in", "key.paid-out", "key.x-report",
                "key.close-shift", "key.guest", "key.walk-in", "key.serving", "key.reports", "key.stock",
                "key.promotions", "key.meal-rules");
        assertThat(bound(settings, SettingKey.KEY_BANK)).isEqualTo("F9");
        assertThat(bound(settings, SettingKey.KEY_DEVICES)).isEqualTo("F7");
        assertThat(bound(settings, SettingKey.KEY_REPRINT)).isEqualTo("Ctrl+P");
        assertThat(bound(settings, SettingKey.KEY_LOCK)).isEqualTo("Ctrl+L");
        assertThat(bound(settings, SettingKey.KEY_SUSPEND)).isEqualTo("F4");
        assertThat(bound(settings, SettingKey.KEY_RESUME)).isEqualTo("Shift+F4");
        assertThat(bound(settings, SettingKey.KEY_RETURN)).isEqualTo("F1");
        assertThat(bound(settings, SettingKey.KEY_SHIFT)).isEqualTo("Ctrl+S");
        assertThat(bound(settings, SettingKey.KEY_CLOSE_SHIFT)).isEqualTo("Ctrl+Z");
        assertThat(bound(settings, SettingKey.KEY_REPORTS)).isEqualTo("Shift+F9");
        assertThat(bound(settings, SettingKey.KEY_STOCK)).isEqualTo("Shift+F7");
    }

    @Test
    void aStoredCommandKeyIsUsed() {
        UiSettings settings = withCommandKeys(Map.of(), Map.of("key.bank", "F10", "key.reprint", "Alt+R"));

        assertThat(bound(settings, SettingKey.KEY_BANK)).isEqualTo("F10");
        assertThat(bound(settings, SettingKey.KEY_REPRINT)).isEqualTo("Alt+R");
    }

    @Test
    void aCommandKeyThatATillActionHasFallsBackToItsDefaultSoTheTillKeepsIt() {
        // possible through "config set key.bank F12", which checks one setting at a time
        UiSettings settings = withCommandKeys(Map.of(), Map.of("key.bank", "F12"));

        assertThat(bound(settings, SettingKey.KEY_BANK)).isEqualTo("F9");
        assertThat(settings.keyBindings().name(CashierAction.CASH)).isEqualTo("F12");
    }

    @Test
    void aCommandKeyThatAnEarlierCommandHasFallsBackToItsDefault() {
        UiSettings settings = withCommandKeys(Map.of(), Map.of("key.devices", "F9"));

        assertThat(bound(settings, SettingKey.KEY_BANK)).isEqualTo("F9");
        assertThat(bound(settings, SettingKey.KEY_DEVICES)).isEqualTo("F7");
    }

    @Test
    void theCommandSettingsAreTheKeySettingsOfNoTillAction() {
        assertThat(UiSettings.commandSettings())
                .containsExactly(SettingKey.KEY_BANK, SettingKey.KEY_DEVICES, SettingKey.KEY_REPRINT,
                        SettingKey.KEY_LOCK, SettingKey.KEY_SUSPEND, SettingKey.KEY_RESUME, SettingKey.KEY_RETURN,
                        SettingKey.KEY_SHIFT, SettingKey.KEY_PAID_IN, SettingKey.KEY_PAID_OUT, SettingKey.KEY_X_REPORT,
                        SettingKey.KEY_CLOSE_SHIFT, SettingKey.KEY_GUEST, SettingKey.KEY_WALK_IN,
                        SettingKey.KEY_SERVING, SettingKey.KEY_REPORTS, SettingKey.KEY_STOCK, SettingKey.KEY_PROMOTIONS,
                        SettingKey.KEY_MEAL_RULES);
        assertThat(SettingKey.KEY_REPRINT.accepts("Ctrl+P")).isTrue();
        assertThat(SettingKey.KEY_BANK.accepts("B")).isFalse();
    }
}
