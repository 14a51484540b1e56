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
import org.tongpos.app.settings.service.SettingRefusal;
import org.tongpos.app.settings.service.SettingsService;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;

/**
 * The settings dialog: the screen language and the key of each action, the till's own and the commands that features
 * add to it (the bank's screen, the device screen, reprint). Saving has the {@link SettingsService} check every key
 * (it must exist, type no character by itself, and belong to one action or command only), stores them off the FX
 * thread and hands the new settings to {@code onSaved}, which applies them at once. Anything refused is named (by the
 * action's name on screen) and nothing is saved.
 */
public final class SettingsViewModel {

    public static final String CHINESE = "zh_CN";
    public static final String ENGLISH = "en";

    private final SettingsService settings;
    private final TaskRunner tasks;
    private final Consumer<UiSettings> onSaved;
    private final StringProperty locale;
    private final Map<CashierAction, StringProperty> keys = new EnumMap<>(CashierAction.class);
    private final UiSettings current;
    private final List<TillCommand> commands;
    private final Map<String, StringProperty> commandKeys = new LinkedHashMap<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);

    public SettingsViewModel(UiSettings current, SettingsService settings, TaskRunner tasks, Consumer<UiSettings> onSaved) {
        this(current, List.of(), settings, tasks, onSaved);
    }

    /** @param commands the commands the window's features add, whose keys are edited here along with the till's */
    public SettingsViewModel(UiSettings current, List<TillCommand> commands, SettingsService settings, TaskRunner tasks,
                             Consumer<UiSettings> onSaved) {
        this.current = current;
        this.commands = List.copyOf(commands);
        this.settings = settings;
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
        for (CashierAction action : CashierAction.values()) {
            chosen.put(action, keyName(keys.get(action).get()));
        }
        Map<String, String> chosenCommands = new HashMap<>(current.commandKeys());
        for (TillCommand command : commands) {
            chosenCommands.put(command.settingName(), keyName(commandKeys.get(command.settingName()).get()));
        }
        UiSettings next = new UiSettings(String.valueOf(locale.get()), chosen, chosenCommands);
        Optional<SettingRefusal> refused = settings.checkAll(next.asSettings());
        if (refused.isPresent()) {
            notice.set(noticeFor(refused.get()));
            return false;
        }
        working.set(true);
        tasks.run(() -> {
            next.save(settings);
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
     * A typed key as settings store it ({@code ctrl+f} is {@code Ctrl+F}); text that names no usable key goes on as
     * typed, for the settings' rules to refuse.
     */
    private static String keyName(String typed) {
        String name = typed == null ? "" : typed.strip();
        return KeyBindings.parse(name).map(KeyCodeCombination::getName).orElse(name);
    }

    /** The refusal in the dialog's words: actions and commands by their names on screen. */
    private Notice noticeFor(SettingRefusal refusal) {
        if (refusal.reason() == SettingRefusal.Reason.KEY_TAKEN) {
            return Notice.error("settings.duplicateKey", refusal.value(), actionName(refusal.other().orElseThrow()),
                    actionName(refusal.setting()));
        }
        if (refusal.setting() == SettingKey.LOCALE) {
            return Notice.error("settings.invalidLocale", refusal.value());
        }
        if (SettingsService.isKeySetting(refusal.setting())) {
            return Notice.error("settings.invalidKey", actionName(refusal.setting()), refusal.value());
        }
        return Notice.error("settings.saveFailed", refusal.setting().key());
    }

    /** The bundle key of the name of the action or command a key setting belongs to, or the setting's own name. */
    private Object actionName(SettingKey setting) {
        for (CashierAction action : CashierAction.values()) {
            if (action.settingName().equals(setting.key())) {
                return new Notice.Key(action.messageKey());
            }
        }
        return commands.stream().filter(c -> c.settingName().equals(setting.key())).findFirst()
                .<Object>map(c -> new Notice.Key(c.messageKey())).orElse(setting.key());
    }
}
