package org.tongpos.app.operators.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the operator screens' FX tests do with the keyboard: type as a person, scan as a scanner, wait. */
final class ScreenKeys {

    /** Well above the scanner's 50 ms between keys: a person typing. */
    static final int HUMAN_GAP_MS = 90;

    private ScreenKeys() {
    }

    /** Types into the focused field as a person would, then waits until the field shows it. */
    static void type(FxRobot robot, Scene scene, String text) {
        Node focused = focus(scene);
        robot.write(text, HUMAN_GAP_MS);
        if (focused instanceof TextField field) {
            waitUntil(() -> field.getText().endsWith(text));
        }
    }

    /** A keyboard-wedge scan: the characters within microseconds, then Enter. */
    static void scan(FxRobot robot, Scene scene, String code) {
        robot.interact(() -> {
            for (char c : code.toCharArray()) {
                KeyCode key = KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
                key = key == null ? KeyCode.UNDEFINED : key;
                fire(scene, KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, key);
                fire(scene, KeyEvent.KEY_TYPED, String.valueOf(c), KeyCode.UNDEFINED);
                fire(scene, KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, key);
            }
            fire(scene, KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, KeyCode.ENTER);
            fire(scene, KeyEvent.KEY_TYPED, "\r", KeyCode.UNDEFINED);
            fire(scene, KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, KeyCode.ENTER);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fire(Scene scene, javafx.event.EventType<KeyEvent> type, String character, KeyCode code) {
        Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        Event.fireEvent(target, new KeyEvent(type, character, "", code, false, false, false, false));
    }

    static Node focus(Scene scene) {
        WaitForAsyncUtils.waitForFxEvents();
        return scene.getFocusOwner();
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the screen did not get there in 20 s (PIN hashing is slow on a loaded machine)", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
