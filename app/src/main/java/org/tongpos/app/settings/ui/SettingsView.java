package org.tongpos.app.settings.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.Version;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.TillCommand;

/**
 * The settings dialog (F8): language, and the key of every action, the till's own and the commands its features add
 * (bank screen, device screen, reprint). A key field takes the key pressed in it (F-keys, Delete, arrows, Ctrl/Alt
 * combinations) or its typed name; Enter saves, Esc closes without saving.
 */
public final class SettingsView {

    private final VBox root;

    public SettingsView(SettingsViewModel vm, Messages messages, KeyBindings current, Runnable close) {
        ToggleGroup languages = new ToggleGroup();
        HBox languageRow = new HBox(12,
                language(languages, vm, SettingsViewModel.CHINESE, messages.get("settings.language.zh_CN")),
                language(languages, vm, SettingsViewModel.ENGLISH, messages.get("settings.language.en")));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        List<TextField> fields = new ArrayList<>();
        for (CashierAction action : CashierAction.values()) {
            fields.add(keyRow(grid, fields.size(), messages.get(action.messageKey()), "key-" + action.id(),
                    vm.key(action), vm));
        }
        for (TillCommand command : vm.commands()) {
            fields.add(keyRow(grid, fields.size(), messages.get(command.messageKey()),
                    "key-" + command.settingName().substring("key.".length()), vm.commandKey(command.settingName()),
                    vm));
        }
        fields.get(0).getStyleClass().add("settings-first");

        Label hint = new Label(messages.get("settings.keys.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        NoticeLabel notice = new NoticeLabel(vm.notice(), messages).collapsing();
        notice.setId("settings-notice");

        Button save = button(messages, "Enter", messages.get("settings.save"), vm::save);
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.working());
        Button defaults = button(messages, "", messages.get("settings.keys.defaults"), vm::restoreDefaultKeys);
        defaults.setText(messages.get("settings.keys.defaults"));
        Button cancel = button(messages, current.label(CashierAction.CANCEL), messages.get("common.cancel"), close);

        root = new VBox(14, title(messages.get("settings.title")), section(messages.get("settings.language")),
                languageRow, section(messages.get("settings.keys")), grid, hint, notice,
                new HBox(12, save, defaults, cancel), about(messages));
        root.setId("settings-dialog");
        root.setPrefWidth(700);
        root.setAlignment(Pos.TOP_LEFT);
    }

    public Region root() {
        return root;
    }

    /** One action's name and key field, two to a row of the grid. */
    private static TextField keyRow(GridPane grid, int index, String text, String id, StringProperty key,
                                    SettingsViewModel vm) {
        Label name = new Label(text);
        name.setMinWidth(Region.USE_PREF_SIZE);
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("key-field");
        field.textProperty().bindBidirectional(key);
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> capture(e, field));
        field.setOnAction(e -> vm.save());
        field.setPrefColumnCount(9);
        grid.add(name, (index % 2) * 2, index / 2);
        grid.add(field, (index % 2) * 2 + 1, index / 2);
        return field;
    }

    /** A key pressed in a key field becomes its setting, when it is a key that can run an action. */
    private static void capture(KeyEvent event, TextField field) {
        KeyCode code = event.getCode();
        List<KeyCombination.Modifier> modifiers = new ArrayList<>();
        if (event.isControlDown()) {
            modifiers.add(KeyCombination.CONTROL_DOWN);
        }
        if (event.isAltDown()) {
            modifiers.add(KeyCombination.ALT_DOWN);
        }
        if (event.isShiftDown()) {
            modifiers.add(KeyCombination.SHIFT_DOWN);
        }
        if (code.isModifierKey() || code == KeyCode.ENTER || code == KeyCode.TAB || code == KeyCode.BACK_SPACE
                || code == KeyCode.LEFT || code == KeyCode.RIGHT || code == KeyCode.HOME || code == KeyCode.END) {
            return;
        }
        KeyCodeCombination key = new KeyCodeCombination(code, modifiers.toArray(KeyCombination.Modifier[]::new));
        if (KeyBindings.parse(key.getName()).isPresent()) {
            field.setText(key.getName());
            event.consume();
        }
    }

    private static ToggleButton language(ToggleGroup group, SettingsViewModel vm, String locale, String text) {
        ToggleButton button = new ToggleButton(text);
        button.setId("language-" + locale);
        button.getStyleClass().add("action-button");
        button.setToggleGroup(group);
        button.setFocusTraversable(false);
        button.setSelected(locale.equals(vm.locale().get()));
        button.setOnAction(e -> {
            vm.locale().set(locale);
            button.setSelected(true);
        });
        HBox.setHgrow(button, Priority.ALWAYS);
        button.setMaxWidth(Double.MAX_VALUE);
        return button;
    }

    private static Button button(Messages messages, String key, String text, Runnable action) {
        Button button = new Button(key.isEmpty() ? text : messages.get("checkout.action.keyed", key, text));
        button.getStyleClass().add("action-button");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** The about line: what {@code tongpos --version} prints, and the Java it runs on. */
    private static Label about(Messages messages) {
        List<String> version = Version.details();
        Label about = new Label(messages.get("settings.about", version.get(0), version.get(1), version.get(2)));
        about.setId("about-version");
        about.getStyleClass().add("hint");
        about.setWrapText(true);
        return about;
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("dialog-title");
        return title;
    }

    private static Label section(String text) {
        Label section = new Label(text);
        section.getStyleClass().add("section-title");
        return section;
    }
}
