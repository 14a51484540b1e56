package org.tongpos.app.checkout.ui;

import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.tongpos.hardware.scanner.WedgeScanDetector;

/**
 * The scene-wide keyboard path of the cashier screen, installed as an event filter so it sees every key before any
 * control does, wherever focus is. Printable characters are held back by the hardware module's
 * {@link WedgeScanDetector}: a scanner's burst ending in Enter becomes a scan, delivered to the detector's scan
 * listeners, and never reaches a field; typing is replayed, unchanged and in order, into the field that has focus
 * (an editable date picker's or combo box's own text field when it has focus, or the screen's typing field when focus
 * is on something that takes no text). Non-printable keys are offered to the hotkeys. Everything
 * runs on the FX thread, so the detector's listeners are called on it too.
 */
public final class CashierKeyboard implements EventHandler<KeyEvent> {

    private final WedgeScanDetector detector;
    private final LongSupplier nanoClock;
    private final PauseTransition releaseTimer;
    private Predicate<KeyEvent> hotkeys = e -> false;
    private Supplier<Node> typingFallback = () -> null;
    private Scene scene;
    private boolean replaying;
    private boolean swallowEnterRelease;

    public CashierKeyboard(WedgeScanDetector detector, LongSupplier nanoClock) {
        this.detector = detector;
        this.nanoClock = nanoClock;
        this.releaseTimer = new PauseTransition(Duration.millis(detector.maxGapNanos() / 1_000_000.0 + 5));
        releaseTimer.setOnFinished(e -> releaseIdleTyping());
    }

    public void install(Scene target) {
        if (scene != null) {
            throw new IllegalStateException("already installed");
        }
        scene = target;
        target.addEventFilter(KeyEvent.ANY, this);
    }

    /** Decides what the keys that are not typing do; returns true when a key was used. */
    public void setHotkeys(Predicate<KeyEvent> hotkeys) {
        this.hotkeys = hotkeys;
    }

    /** Where typed text goes when the focus is on something that cannot take text (may supply null: dropped). */
    public void setTypingFallback(Supplier<Node> typingFallback) {
        this.typingFallback = typingFallback;
    }

    @Override
    public void handle(KeyEvent event) {
        if (replaying) {
            return;
        }
        if (event.getEventType() == KeyEvent.KEY_TYPED) {
            onTyped(event);
        } else if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            onPressed(event);
        } else if (event.getEventType() == KeyEvent.KEY_RELEASED && event.getCode() == KeyCode.ENTER
                && swallowEnterRelease) {
            swallowEnterRelease = false;
            event.consume();
        }
    }

    private void onTyped(KeyEvent event) {
        String character = event.getCharacter();
        if (character.length() != 1 || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        char c = character.charAt(0);
        if (c < 0x20 || c == 0x7f) {
            return;
        }
        event.consume();
        deliver(detector.key(c, nanoClock.getAsLong()));
        releaseTimer.playFromStart();
    }

    private void onPressed(KeyEvent event) {
        KeyCode code = event.getCode();
        boolean commandModifier = event.isControlDown() || event.isAltDown() || event.isMetaDown();
        if (code == KeyCode.ENTER && !commandModifier) {
            if (detector.enter(nanoClock.getAsLong()).isPresent()) {
                event.consume();
                swallowEnterRelease = true;
                return;
            }
            deliver(detector.drain());
            return;
        }
        if (code.isModifierKey() || !commandModifier && !isCommandKey(code)) {
            return;
        }
        deliver(detector.drain());
        if (hotkeys.test(event)) {
            event.consume();
        }
    }

    /** Keys that type nothing: they end any typing in progress and may be hotkeys. */
    private static boolean isCommandKey(KeyCode code) {
        return code.isFunctionKey() || code.isNavigationKey() || code.isArrowKey() || code == KeyCode.ESCAPE
                || code == KeyCode.DELETE || code == KeyCode.INSERT || code == KeyCode.BACK_SPACE
                || code == KeyCode.TAB || code == KeyCode.PAUSE;
    }

    private void releaseIdleTyping() {
        String typed = detector.releaseIfIdle(nanoClock.getAsLong());
        if (typed.isEmpty() && detector.hasPending()) {
            releaseTimer.playFromStart();
            return;
        }
        deliver(typed);
    }

    /**
     * The text field that takes typing for the focused node: the node itself, or the text field of an editable date
     * picker or combo box (they keep the focus themselves and type into their editor).
     */
    private static Node typingTarget(Node focused) {
        if (focused instanceof ComboBoxBase<?> box && box.isEditable() && !box.isDisabled()) {
            if (box instanceof DatePicker picker) {
                return picker.getEditor();
            }
            if (box instanceof ComboBox<?> combo) {
                return combo.getEditor();
            }
        }
        return focused;
    }

    private void deliver(String typed) {
        if (typed.isEmpty() || scene == null) {
            return;
        }
        Node target = typingTarget(scene.getFocusOwner());
        if (!(target instanceof TextInputControl input && input.isEditable() && !input.isDisabled())) {
            target = typingFallback.get();
            if (target == null) {
                return;
            }
            target.requestFocus();
        }
        replaying = true;
        try {
            for (int i = 0; i < typed.length(); i++) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(typed.charAt(i)), "",
                        KeyCode.UNDEFINED, false, false, false, false));
            }
        } finally {
            replaying = false;
        }
    }
}
