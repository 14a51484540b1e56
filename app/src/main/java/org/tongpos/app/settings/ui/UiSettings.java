package org.tongpos.app.settings.ui;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.scene.input.KeyCodeCombination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.service.SettingsService;

/**
 * The settings the screens are drawn with: the language ({@code ui.locale}), the till's action keys, and the keys of
 * the commands that features add to the till ({@code key.bank}, {@code key.devices}, {@code key.reprint}), the
 * latter by setting name.
 */
public record UiSettings(String locale, Map<CashierAction, String> keys, Map<String, String> commandKeys) {

    private static final Logger LOG = LoggerFactory.getLogger(UiSettings.class);

    public UiSettings {
        Map<CashierAction, String> copy = new EnumMap<>(CashierAction.class);
        copy.putAll(keys);
        keys = Collections.unmodifiableMap(copy);
        commandKeys = Collections.unmodifiableMap(new TreeMap<>(commandKeys));
    }

    /** Settings with the commands' default keys. */
    public UiSettings(String locale, Map<CashierAction, String> keys) {
        this(locale, keys, Map.of());
    }

    /** Reads them from the settings (database work: not on the FX thread). */
    public static UiSettings load(SettingsService settings) {
        Map<CashierAction, String> keys = new EnumMap<>(CashierAction.class);
        for (CashierAction action : CashierAction.values()) {
            keys.put(action, settings.get(settingKey(action)));
        }
        Map<String, String> commandKeys = new TreeMap<>();
        for (SettingKey setting : commandSettings()) {
            commandKeys.put(setting.key(), settings.get(setting));
        }
        return new UiSettings(settings.get(SettingKey.LOCALE), keys, commandKeys);
    }

    /**
     * Writes them, checked together by the settings' rules (database work: not on the FX thread).
     *
     * @throws org.tongpos.app.settings.service.SettingRefusedException when a rule refuses them (nothing written)
     */
    public void save(SettingsService settings) {
        settings.setAll(asSettings());
    }

    /** The language and every key as the settings they are stored in. */
    public Map<SettingKey, String> asSettings() {
        Map<SettingKey, String> all = new EnumMap<>(SettingKey.class);
        all.put(SettingKey.LOCALE, locale);
        keys.forEach((action, key) -> all.put(settingKey(action), key));
        commandKeys.forEach((name, key) -> all.put(commandSetting(name), key));
        return all;
    }

    /** The setting that stores an action's key: {@code key.<action id>}. */
    public static SettingKey settingKey(CashierAction action) {
        return SettingKey.byKey(action.settingName())
                .orElseThrow(() -> new IllegalStateException("no setting " + action.settingName()));
    }

    /** The setting of a feature's command key, by its name ({@code key.bank}). */
    public static SettingKey commandSetting(String settingName) {
        return commandSettings().stream().filter(s -> s.key().equals(settingName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command key setting " + settingName));
    }

    /** Every {@code key.*} setting that is not one of the till's own actions: the keys of features' commands. */
    static Set<SettingKey> commandSettings() {
        Set<String> actions = new HashSet<>();
        Arrays.stream(CashierAction.values()).forEach(a -> actions.add(a.settingName()));
        Set<SettingKey> settings = new java.util.LinkedHashSet<>();
        for (SettingKey setting : SettingKey.values()) {
            if (setting.key().startsWith("key.") && !actions.contains(setting.key())) {
                settings.add(setting);
            }
        }
        return settings;
    }

    public Messages messages() {
        return Messages.forSetting(locale);
    }

    public KeyBindings keyBindings() {
        return KeyBindings.of(keys);
    }

    /**
     * The key of every feature command, by setting name. A stored key that does not parse, or that the till's
     * actions or an earlier command already use (possible through {@code config set}; the settings dialog refuses
     * it), falls back to the command's default, so that a bad setting never takes a key from the till.
     */
    public Map<String, KeyCodeCombination> commandKeyBindings() {
        KeyBindings till = keyBindings();
        Set<KeyCodeCombination> taken = new HashSet<>();
        Arrays.stream(CashierAction.values()).forEach(a -> taken.add(till.key(a)));
        Map<String, KeyCodeCombination> bound = new LinkedHashMap<>();
        for (SettingKey setting : commandSettings()) {
            Optional<KeyCodeCombination> key = KeyBindings.parse(commandKeys.getOrDefault(setting.key(),
                    setting.defaultValue()));
            if (key.isEmpty() || taken.contains(key.get())) {
                LOG.warn("key '{}' for {} is unusable or taken; using {}", commandKeys.get(setting.key()),
                        setting.key(), setting.defaultValue());
                key = KeyBindings.parse(setting.defaultValue());
            }
            bound.put(setting.key(), key.orElseThrow());
            taken.add(key.get());
        }
        return bound;
    }
}
