package org.tongpos.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.shell.CashierWindow;

/**
 * The one base of the screen tests (TestFX on Monocle): a real terminal ({@link TerminalFixture}) in the cashier
 * window, closed after each test, and what the tests do to it (a scanner's burst of keys, reading labels and the
 * cart, waiting). TestFX looks for {@code @Start} only in the test class itself, so each test class has
 * <pre>{@code @Start void start(Stage stage) throws Exception { showWindow(stage); }}</pre>
 * and overrides {@link #openTerminal}, {@link #addExtensions} or {@link #closeMore} for what it needs besides.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class CashierWindowTestBase {

    /** How long a test waits for work off the FX thread (saving, the bank, a device). */
    protected static final long WAIT_SECONDS = 20;

    @TempDir
    protected Path directory;
    protected Terminal terminal;
    protected FxTaskRunner tasks;
    protected Stage stage;
    protected CashierWindow window;
    protected Scene scene;

    /** Opens the terminal and shows its cashier window on {@code primary}, the scanning field focused. */
    protected final void showWindow(Stage primary) throws Exception {
        stage = primary;
        terminal = openTerminal(directory);
        tasks = new FxTaskRunner();
        window = CashierWindow.load(terminal, tasks);
        addExtensions(window);
        scene = window.createScene(1260, 760);
        stage.setScene(scene);
        stage.show();
        window.view().codeField().requestFocus();
    }

    /** The terminal the window shows: the fixture's, with its demo catalog, unless a test needs another. */
    protected Terminal openTerminal(Path directory) throws Exception {
        return TerminalFixture.openWithDemoCatalog(directory);
    }

    /** Features to plug into the window before its scene is built. */
    protected void addExtensions(CashierWindow window) {
    }

    /** Closes what the test opened besides the terminal and the window's task runner (it runs first). */
    protected void closeMore() throws Exception {
    }

    @AfterEach
    final void closeWindow() throws Exception {
        try {
            closeMore();
        } finally {
            if (tasks != null) {
                tasks.close();
            }
            if (terminal != null) {
                terminal.close();
            }
        }
    }

    /** A keyboard-wedge scan: every character as pressed/typed/released, then Enter, all within microseconds. */
    protected void scan(FxRobot robot, String code) {
        burst(robot, code, true);
    }

    /** Keys as a scanner sends them, with or without the Enter at the end. */
    protected void burst(FxRobot robot, String text, boolean enter) {
        robot.interact(() -> {
            Scene current = stage.getScene();
            for (char c : text.toCharArray()) {
                KeyCode key = KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
                key = key == null ? KeyCode.UNDEFINED : key;
                fire(current, KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, key);
                fire(current, KeyEvent.KEY_TYPED, String.valueOf(c), KeyCode.UNDEFINED);
                fire(current, KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, key);
            }
            if (enter) {
                fire(current, KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, KeyCode.ENTER);
                fire(current, KeyEvent.KEY_TYPED, "\r", KeyCode.UNDEFINED);
                fire(current, KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, KeyCode.ENTER);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Delivers a key event as the window would: to the focused node, through the scene's filters. */
    private static void fire(Scene scene, EventType<KeyEvent> type, String character, KeyCode code) {
        Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        Event.fireEvent(target, new KeyEvent(type, character, "", code, false, false, false, false));
    }

    /** A label's text ("" for none). */
    protected static String text(FxRobot robot, String query) {
        String text = robot.lookup(query).queryAs(Label.class).getText();
        return text == null ? "" : text;
    }

    /** The lines of the sale on screen. */
    protected static List<CartLine> cartLines(FxRobot robot) {
        return cartTable(robot).getItems();
    }

    @SuppressWarnings("unchecked") // the cashier screen's table holds cart lines
    protected static TableView<CartLine> cartTable(FxRobot robot) {
        return robot.lookup("#cart-table").queryAs(TableView.class);
    }

    /**
     * The alerts ({@link Alerts}: ControlsFX notifications) showing now, each as the texts of its labels (title,
     * then text) joined by a space.
     */
    protected static List<String> alertsShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(Window::getScene).filter(Objects::nonNull)
                .flatMap(scene -> scene.getRoot().lookupAll("." + Alerts.STYLE_CLASS).stream())
                .map(bar -> bar.lookupAll(".label").stream().filter(Labeled.class::isInstance)
                        .map(label -> ((Labeled) label).getText()).filter(t -> t != null && !t.isBlank())
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.toList())).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits until an alert shows whose text contains {@code text}. */
    protected static void waitForAlert(String text) throws TimeoutException {
        waitUntil(() -> alertsShown().stream().anyMatch(shown -> shown.contains(text)));
    }

    /** The node with the keyboard focus, once pending FX events are handled. */
    protected Node focusOwner() {
        WaitForAsyncUtils.waitForFxEvents();
        return stage.getScene().getFocusOwner();
    }

    /** Waits until the condition holds ({@link #WAIT_SECONDS} at most), then for pending FX events. */
    protected static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
