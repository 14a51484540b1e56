package org.tongpos.app.settings.ui;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.store.SettingsStore;

/** The settings the screens are drawn with: the language ({@code ui.locale}) and the action keys ({@code key.*}). */
public record UiSettings(String locale, Map<CashierAction, String> keys) {

    public UiSettings {
        keys = Collections.unmodifiableMap(new EnumMap<>(keys));
    }

    /** Reads them from the store (database work: not on the FX thread). */
    public static UiSettings load(SettingsStore store) {
        Map<CashierAction, String> keys = new EnumMap<>(CashierAction.class);
        for (CashierAction action : CashierAction.values()) {
            keys.put(action, store.get(settingKey(action)));
        }
        return new UiSettings(store.get(SettingKey.LOCALE), keys);
    }

    /** Writes them to the store (database work: not on the FX thread). */
    public void save(SettingsStore store) {
        store.set(SettingKey.LOCALE, locale);
        keys.forEach((action, key) -> store.set(settingKey(action), key));
    }

    /** The setting that stores an action's key: {@code key.<action id>}. */
    public static SettingKey settingKey(CashierAction action) {
        return SettingKey.byKey(action.settingName())
                .orElseThrow(() -> new IllegalStateException("no setting " + action.settingName()));
    }

    public Messages messages() {
        return Messages.forSetting(locale);
    }

    public KeyBindings keyBindings() {
        return KeyBindings.of(keys);
    }
}
