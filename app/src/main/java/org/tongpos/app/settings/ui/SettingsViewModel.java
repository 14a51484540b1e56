package org.tongpos.app.settings.ui;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.input.KeyCodeCombination;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.settings.store.SettingsStore;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;

/**
 * The settings dialog: the screen language and the key of each action. Saving checks every key (it must exist, type
 * no character by itself, and belong to one action only), stores them off the FX thread and hands the new settings
 * to {@code onSaved}, which applies them at once. Anything refused is named and nothing is saved.
 */
public final class SettingsViewModel {

    public static final String CHINESE = "zh_CN";
    public static final String ENGLISH = "en";

    private final SettingsStore store;
    private final TaskRunner tasks;
    private final Consumer<UiSettings> onSaved;
    private final StringProperty locale;
    private final Map<CashierAction, StringProperty> keys = new EnumMap<>(CashierAction.class);
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);

    public SettingsViewModel(UiSettings current, SettingsStore store, TaskRunner tasks, Consumer<UiSettings> onSaved) {
        this.store = store;
        this.tasks = tasks;
        this.onSaved = onSaved;
        this.locale = new SimpleStringProperty(current.locale());
        KeyBindings bindings = current.keyBindings();
        for (CashierAction action : CashierAction.values()) {
            keys.put(action, new SimpleStringProperty(bindings.name(action)));
        }
    }

    public StringProperty locale() {
        return locale;
    }

    public StringProperty key(CashierAction action) {
        return keys.get(action);
    }

    public ObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyBooleanProperty working() {
        return working;
    }

    /** Every action's key back to its default (not saved until {@link #save()}). */
    public void restoreDefaultKeys() {
        keys.forEach((action, key) -> key.set(action.defaultKey()));
    }

    /** Checks and stores the settings; false (with the reason in {@link #notice()}) when something is refused. */
    public boolean save() {
        if (working.get()) {
            return false;
        }
        Map<CashierAction, String> chosen = new EnumMap<>(CashierAction.class);
        Map<KeyCodeCombination, CashierAction> taken = new HashMap<>();
        for (CashierAction action : CashierAction.values()) {
            String name = keys.get(action).get() == null ? "" : keys.get(action).get().strip();
            Optional<KeyCodeCombination> key = KeyBindings.parse(name);
            if (key.isEmpty() || !UiSettings.settingKey(action).accepts(key.get().getName())) {
                notice.set(Notice.error("settings.invalidKey", new Notice.Key(action.messageKey()), name));
                return false;
            }
            CashierAction other = taken.putIfAbsent(key.get(), action);
            if (other != null) {
                notice.set(Notice.error("settings.duplicateKey", key.get().getName(),
                        new Notice.Key(other.messageKey()), new Notice.Key(action.messageKey())));
                return false;
            }
            chosen.put(action, key.get().getName());
        }
        if (!CHINESE.equals(locale.get()) && !ENGLISH.equals(locale.get())) {
            notice.set(Notice.error("settings.invalidLocale", String.valueOf(locale.get())));
            return false;
        }
        UiSettings next = new UiSettings(locale.get(), chosen);
        working.set(true);
        tasks.run(() -> {
            next.save(store);
            return next;
        }, saved -> {
            working.set(false);
            notice.set(null);
            onSaved.accept(saved);
        }, failure -> {
            working.set(false);
            notice.set(Notice.error("settings.saveFailed", String.valueOf(failure.getMessage())));
        });
        return true;
    }
}
