package org.tongpos.app.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.tongpos.app.i18n.Messages;

/**
 * A feature that adds to the cashier window without the window knowing it (the bank's sync screen, device status):
 * items for the status bar, keys of its own, and screens shown in place of the till. The composition root hands
 * extensions to the window; they live in their feature's {@code ui} package.
 */
public interface TillExtension {

    /** The extension's commands with their key settings, for the settings dialog and for {@link #useKeys}. */
    default List<TillCommand> commands() {
        return List.of();
    }

    /**
     * The keys bound to the extension's commands, by setting name ({@code key.bank}); the window hands them over
     * before it draws the screen, and again whenever settings are saved, so a new binding takes effect at once.
     */
    default void useKeys(Map<String, KeyCodeCombination> keys) {
    }

    /** Nodes for the status bar, in the screen's language; asked again whenever the screen is redrawn. */
    default List<Node> statusItems(Messages messages) {
        return List.of();
    }

    /**
     * A key press, before the till's own keys: empty when it is not the extension's; true when it used it; false when
     * nobody should (while the extension's screen is showing).
     */
    default Optional<Boolean> handleKey(KeyEvent event, Scene scene, Messages messages) {
        return Optional.empty();
    }

    /** True while the extension shows its own screen in place of the till: scans are not added to the sale then. */
    default boolean isShowing() {
        return false;
    }

    /**
     * Buttons for the till's action panel, in the screen's language, each showing its key (F4 挂单); asked again
     * whenever the screen is redrawn. A touch screen has no keyboard: every command needs a button.
     */
    default List<Node> actionButtons(Messages messages) {
        return List.of();
    }

    /**
     * A scan (keyboard wedge or serial scanner, AIM prefix stripped), offered to the extensions before the sale: true
     * when the extension took it (its screen is in front and wants codes, like the canteen's serving line).
     */
    default boolean takeScan(String code) {
        return false;
    }

    /**
     * The window's scene is built with the till as its root, or the till was drawn again after a change of settings;
     * an extension whose screen replaces the till from the start (the serving line in canteen mode) shows it now.
     * Called before the log-in screen takes the scene, so that logging in returns to that screen.
     */
    default void tillDrawn(Scene scene, Messages messages) {
    }

    /** The window's callback for when the extension's screen closes (to give the scanner the focus back). */
    default void setOnClosed(Runnable onClosed) {
    }

    /**
     * The keys of a screen over the till that one key opens: while it shows, every key belongs to it and Esc or its
     * key closes it; on the till its key opens it; any other key is the till's (empty).
     */
    /**
     * A status-bar button that opens an extension's screen in the button's window, unless that screen shows already;
     * not focus-traversable, so the scanner's field keeps the focus.
     */
    static Button screenButton(String id, String text, BooleanSupplier showing, Consumer<Scene> open) {
        Button button = new Button(text);
        button.setId(id);
        button.setFocusTraversable(false);
        button.setOnAction(e -> {
            if (!showing.getAsBoolean() && button.getScene() != null) {
                open.accept(button.getScene());
            }
        });
        return button;
    }

    static Optional<Boolean> screenKey(KeyEvent event, KeyCodeCombination key, boolean showing, Runnable close,
                                       Runnable open) {
        if (showing) {
            if (event.getCode() == KeyCode.ESCAPE || key.match(event)) {
                close.run();
                return Optional.of(true);
            }
            return Optional.of(false);
        }
        if (key.match(event)) {
            open.run();
            return Optional.of(true);
        }
        return Optional.empty();
    }
}
