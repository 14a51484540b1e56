package org.tongpos.app.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.tongpos.app.i18n.Messages;

/**
 * A feature's screen shown in place of the till on a key of its own (a setting, rebound in the settings dialog) until
 * Esc or the key again: the plumbing the owner's screens share. While it shows, the keys its view handles are its own;
 * {@code M} is the screen's ViewModel, which {@link #shown()} gives to the window and the tests.
 */
public abstract class KeyedScreen<M> implements TillExtension {

    private static final Predicate<KeyEvent> NO_KEYS = e -> false;

    private final TillCommand command;
    private final SubScreen screen = new SubScreen();
    private KeyCodeCombination key;
    private M shown;
    private Predicate<KeyEvent> viewKeys = NO_KEYS;

    protected KeyedScreen(TillCommand command, KeyCodeCombination key) {
        this.command = command;
        this.key = key;
    }

    /** Shows the screen in place of what {@code target} shows now and returns its ViewModel. */
    public abstract M open(Scene target, Messages messages);

    /** For {@link #open}: puts the view's root in place of the till; {@code keys} are the keys the view handles. */
    protected final M show(Scene target, Parent root, M vm, Predicate<KeyEvent> keys) {
        screen.show(target, root);
        shown = vm;
        viewKeys = keys;
        return vm;
    }

    /** The key that opens and closes the screen, as bound now. */
    protected final KeyCodeCombination key() {
        return key;
    }

    @Override
    public final List<TillCommand> commands() {
        return List.of(command);
    }

    @Override
    public final void useKeys(Map<String, KeyCodeCombination> keys) {
        KeyCodeCombination bound = keys.get(command.settingName());
        if (bound != null) {
            key = bound;
        }
    }

    @Override
    public final Optional<Boolean> handleKey(KeyEvent event, Scene target, Messages messages) {
        if (isShowing() && viewKeys.test(event)) {
            return Optional.of(true);
        }
        return TillExtension.screenKey(event, key, isShowing(), this::close, () -> open(target, messages));
    }

    @Override
    public final boolean isShowing() {
        return screen.isShowing();
    }

    @Override
    public final void setOnClosed(Runnable onClosed) {
        screen.setOnClosed(onClosed);
    }

    /** The screen's ViewModel while it shows. */
    public final Optional<M> shown() {
        return Optional.ofNullable(isShowing() ? shown : null);
    }

    /** Gives the till its place back. */
    public final void close() {
        screen.close();
        shown = null;
        viewKeys = NO_KEYS;
    }
}
