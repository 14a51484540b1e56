package org.tongpos.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.TillExtension;

/** A feature plugged into the cashier window: its status item, its key, its own screen in place of the till. */
class TillExtensionFxTest extends CashierWindowTestBase {

    private final SideScreen side = new SideScreen();

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        window.addExtension(side);
    }

    @Test
    void theExtensionAddsItsStatusItemAndOwnsItsKeyAndScreen(FxRobot robot) {
        assertThat(robot.lookup("#side-status").queryAs(Label.class).getText()).isEqualTo("银行 正常");

        robot.type(KeyCode.F9);
        assertThat(robot.lookup("#side-screen").tryQuery()).isPresent();

        scan(robot, DemoCatalog.stapleBarcode(0));
        robot.type(KeyCode.F12);
        assertThat(robot.lookup("#payment-dialog").tryQuery()).as("till keys are the screen's while it shows").isEmpty();

        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#side-screen").tryQuery()).isEmpty();
        assertThat(cartLines(robot))
                .as("a scan while the other screen showed was not added").isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#code-field").query());
    }

    /** Opens on F9 in place of the till, closes on Esc: what the bank's sync screen does. */
    private static final class SideScreen implements TillExtension {
        private Parent till;
        private Runnable onClosed = () -> { };

        @Override
        public List<Node> statusItems(Messages messages) {
            Label label = new Label("银行 正常");
            label.setId("side-status");
            return List.of(label);
        }

        @Override
        public Optional<Boolean> handleKey(KeyEvent event, Scene scene, Messages messages) {
            if (till != null) {
                if (event.getCode() == KeyCode.ESCAPE) {
                    scene.setRoot(till);
                    till = null;
                    onClosed.run();
                    return Optional.of(true);
                }
                return Optional.of(false);
            }
            if (event.getCode() == KeyCode.F9) {
                till = scene.getRoot();
                StackPane screen = new StackPane(new Label("sync"));
                screen.setId("side-screen");
                scene.setRoot(screen);
                return Optional.of(true);
            }
            return Optional.empty();
        }

        @Override
        public boolean isShowing() {
            return till != null;
        }

        @Override
        public void setOnClosed(Runnable onClosed) {
            this.onClosed = onClosed;
        }
    }
}
