package org.tongpos.app.settings.ui;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.store.SettingsStore;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;

/**
 * The settings dialog: the screen language and the key of each action, the till's own and the commands that features
 * add to it (the bank's screen, the device screen, reprint). Saving checks every key (it must exist, type no character
 * by itself, and belong to one action or command only), stores them off the FX thread and hands the new settings
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
    private final UiSettings current;
    private final List<TillCommand> commands;
    private final Map<String, StringProperty> commandKeys = new LinkedHashMap<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);

    public SettingsViewModel(UiSettings current, SettingsStore store, TaskRunner tasks, Consumer<UiSettings> onSaved) {
        this(current, List.of(), store, tasks, onSaved);
    }

    /** @param commands the commands the window's features add, whose keys are edited here along with the till's */
    public SettingsViewModel(UiSettings current, List<TillCommand> commands, SettingsStore store, TaskRunner tasks,
                             Consumer<UiSettings> onSaved) {
        this.current = current;
        this.commands = List.copyOf(commands);
        this.store = store;
        this.tasks = tasks;
        this.onSaved = onSaved;
        this.locale = new SimpleStringProperty(current.locale());
        KeyBindings bindings = current.keyBindings();
        for (CashierAction action : CashierAction.values()) {
            keys.put(action, new SimpleStringProperty(bindings.name(action)));
        }
        Map<String, KeyCodeCombination> bound = current.commandKeyBindings();
        for (TillCommand command : this.commands) {
            UiSettings.commandSetting(command.settingName()); // refuses a command without a setting
            String name = bound.get(command.settingName()).getName();
            commandKeys.put(command.settingName(), new SimpleStringProperty(name));
        }
    }

    /** The features' commands shown with their keys, in order. */
    public List<TillCommand> commands() {
        return commands;
    }

    /** The key of a feature's command, by its setting name ({@code key.bank}). */
    public StringProperty commandKey(String settingName) {
        StringProperty key = commandKeys.get(settingName);
        if (key == null) {
            throw new IllegalArgumentException("no command " + settingName + " in this dialog");
        }
        return key;
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
        commandKeys.forEach((name, key) -> key.set(UiSettings.commandSetting(name).defaultValue()));
    }

    /** Checks and stores the settings; false (with the reason in {@link #notice()}) when something is refused. */
    public boolean save() {
        if (working.get()) {
            return false;
        }
        Map<CashierAction, String> chosen = new EnumMap<>(CashierAction.class);
        Map<KeyCodeCombination, String> taken = new HashMap<>();
        for (CashierAction action : CashierAction.values()) {
            Optional<String> key = checked(keys.get(action).get(), UiSettings.settingKey(action), action.messageKey(),
                    taken);
            if (key.isEmpty()) {
                return false;
            }
            chosen.put(action, key.get());
        }
        Map<String, String> chosenCommands = new HashMap<>(current.commandKeys());
        for (TillCommand command : commands) {
            Optional<String> key = checked(commandKeys.get(command.settingName()).get(),
                    UiSettings.commandSetting(command.settingName()), command.messageKey(), taken);
            if (key.isEmpty()) {
                return false;
            }
            chosenCommands.put(command.settingName(), key.get());
        }
        if (!CHINESE.equals(locale.get()) && !ENGLISH.equals(locale.get())) {
            notice.set(Notice.error("settings.invalidLocale", String.valueOf(locale.get())));
            return false;
        }
        UiSettings next = new UiSettings(locale.get(), chosen, chosenCommands);
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

    /**
     * A key's name as settings store it, or empty (with the reason in {@link #notice()}) when it is not a usable key
     * for the setting or another action or command (in {@code taken}, by the bundle key of its name) has it already.
     */
    private Optional<String> checked(String typed, SettingKey setting, String messageKey,
                                     Map<KeyCodeCombination, String> taken) {
        String name = typed == null ? "" : typed.strip();
        Optional<KeyCodeCombination> key = KeyBindings.parse(name);
        if (key.isEmpty() || !setting.accepts(key.get().getName())) {
            notice.set(Notice.error("settings.invalidKey", new Notice.Key(messageKey), name));
            return Optional.empty();
        }
        String other = taken.putIfAbsent(key.get(), messageKey);
        if (other != null) {
            notice.set(Notice.error("settings.duplicateKey", key.get().getName(), new Notice.Key(other),
                    new Notice.Key(messageKey)));
            return Optional.empty();
        }
        return Optional.of(key.get().getName());
    }
}
