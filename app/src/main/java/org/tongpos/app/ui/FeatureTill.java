package org.tongpos.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import org.tongpos.app.i18n.Messages;

/**
 * What the till's own features (shifts, suspend, returns) share as {@link TillExtension}s: commands with rebindable
 * keys, buttons for the till's action panel that show them, and dialogs drawn over the whole window
 * ({@link SceneOverlay}) while every key belongs to them. A subclass says what its keys do and which dialog shows.
 */
public abstract class FeatureTill implements TillExtension {

    /** A dialog to show: its content and the node that takes the keyboard. */
    public record Dialog(Region root, Node focus) {
    }

    private final List<TillCommand> commands;
    private final List<TillCommand> buttons;
    private final java.util.function.Function<KeyCodeCombination, String> keyLabels;
    private final java.util.HashMap<String, KeyCodeCombination> keys = new java.util.HashMap<>();
    private final SceneOverlay overlay = new SceneOverlay();
    private Runnable onClosed = () -> { };
    private java.util.function.BooleanSupplier available = () -> true;
    private Messages messages;
    private Scene scene;
    private Node anchor;
    private Subscriptions dialogSubscriptions = new Subscriptions();

    /**
     * @param commands the commands with their key settings
     * @param buttons  those that get a button on the till's action panel
     * @param keys     the keys by setting name ({@link #useKeys} changes them)
     * @param keyLabels how keys are shown on screen (the till's short form: {@code Del}, {@code ↑})
     */
    protected FeatureTill(List<TillCommand> commands, List<TillCommand> buttons, Map<String, KeyCodeCombination> keys,
                          java.util.function.Function<KeyCodeCombination, String> keyLabels) {
        this.commands = List.copyOf(commands);
        this.buttons = List.copyOf(buttons);
        this.keyLabels = keyLabels;
        useKeys(keys);
    }

    /**
     * When the commands' keys may act (the till scanning, no dialog of its own open); the till keeps its keys
     * otherwise.
     */
    public final void setAvailable(java.util.function.BooleanSupplier when) {
        this.available = when;
    }

    @Override
    public final List<TillCommand> commands() {
        return commands;
    }

    @Override
    public final void useKeys(Map<String, KeyCodeCombination> bound) {
        for (TillCommand command : commands) {
            KeyCodeCombination key = bound.get(command.settingName());
            if (key != null) {
                keys.put(command.settingName(), key);
            }
        }
    }

    /** The key of a command as shown on screen ({@code F4}, {@code Ctrl+Z}). */
    protected final String keyLabel(TillCommand command) {
        KeyCodeCombination key = keys.get(command.settingName());
        return key == null ? "" : keyLabels.apply(key);
    }

    @Override
    public List<Node> actionButtons(Messages language) {
        messages = language;
        List<Node> shown = new ArrayList<>();
        for (TillCommand command : buttons) {
            Button button = TillButtons.keyed(language, keyLabel(command), language.get(command.messageKey()),
                    () -> runFromButton(command));
            button.setId("action-" + command.settingName().substring("key.".length()));
            button.getStyleClass().add("feature-button");
            shown.add(button);
            anchor = button;
        }
        if (anchor != null) {
            anchor.sceneProperty().addListener((obs, old, now) -> {
                if (now != null && scene == null) {
                    scene = now;
                    sceneReady();
                }
            });
        }
        return shown;
    }

    private void runFromButton(TillCommand command) {
        if (anchor != null && anchor.getScene() != null) {
            scene = anchor.getScene();
        }
        if (!isShowing() && available.getAsBoolean()) {
            run(command);
        }
    }

    @Override
    public final Optional<Boolean> handleKey(KeyEvent event, Scene target, Messages language) {
        scene = target;
        messages = language;
        if (isShowing()) {
            if (event.getCode() == KeyCode.ESCAPE) {
                escape();
                return Optional.of(true);
            }
            for (TillCommand command : commands) {
                KeyCodeCombination key = keys.get(command.settingName());
                if (key != null && key.match(event) && runWhileShowing(command)) {
                    return Optional.of(true);
                }
            }
            // other keys go to the dialog's fields (Tab, arrows, Backspace), never to the till
            return Optional.of(false);
        }
        if (!available.getAsBoolean()) {
            return Optional.empty();
        }
        for (TillCommand command : commands) {
            KeyCodeCombination key = keys.get(command.settingName());
            if (key != null && key.match(event)) {
                run(command);
                return Optional.of(true);
            }
        }
        return Optional.empty();
    }

    /** While a dialog shows, every scan is the dialog's ({@link #scanned}); otherwise the till's. */
    @Override
    public final boolean takeScan(String code) {
        if (!isShowing()) {
            return false;
        }
        scanned(code);
        return true;
    }

    /** A scan while a dialog shows (a receipt's QR code on the return screen, say); the default drops it. */
    public void scanned(String code) {
    }

    @Override
    public final boolean isShowing() {
        return overlay.isShowing();
    }

    @Override
    public final void setOnClosed(Runnable closed) {
        this.onClosed = Objects.requireNonNull(closed);
    }

    /** The screen's language now (null before the till was drawn). */
    protected final Messages messages() {
        return messages;
    }

    /** Shows a dialog over the window (replacing the one that shows); drawn once the window is there. */
    protected final void show(java.util.function.BiFunction<Messages, Subscriptions, Dialog> dialog) {
        if (scene == null || messages == null) {
            pending = dialog;
            return;
        }
        pending = null;
        dialogSubscriptions.cancelAll();
        dialogSubscriptions = new Subscriptions();
        Dialog built = dialog.apply(messages, dialogSubscriptions);
        overlay.show(scene, built.root(), built.focus());
    }

    private java.util.function.BiFunction<Messages, Subscriptions, Dialog> pending;

    private void sceneReady() {
        if (pending != null) {
            java.util.function.BiFunction<Messages, Subscriptions, Dialog> waiting = pending;
            Platform.runLater(() -> show(waiting));
        }
    }

    /** Back to the till, the scanner's field focused. */
    protected final void hide() {
        pending = null;
        dialogSubscriptions.cancelAll();
        if (overlay.isShowing()) {
            overlay.hide();
            Platform.runLater(onClosed);
        }
    }

    /** A command's key or button on the till. */
    protected abstract void run(TillCommand command);

    /** A command's key while a dialog shows; true when it was used. */
    protected boolean runWhileShowing(TillCommand command) {
        return false;
    }

    /** Esc while a dialog shows. */
    protected abstract void escape();

    /** A text field for a dialog, bound both ways to {@code value} until the dialog's subscriptions are cancelled. */
    protected static TextField boundField(StringProperty value, Subscriptions s, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.getStyleClass().add("key-field");
        field.textProperty().bindBidirectional(value);
        s.add(() -> field.textProperty().unbindBidirectional(value));
        return field;
    }
}
