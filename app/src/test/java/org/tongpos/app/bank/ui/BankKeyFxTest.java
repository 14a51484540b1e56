package org.tongpos.app.bank.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.FxTaskRunner;

/**
 * The bank screen's key is a setting like the till's own keys: {@code key.bank} moves it off F9, and the settings
 * dialog (F8) rebinds it at once, refusing a key the till already uses.
 */
class BankKeyFxTest extends CashierWindowTestBase {

    private FxTaskRunner bankTasks;
    private BankScreens screens;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected Terminal openTerminal(Path directory) throws Exception {
        Terminal opened = super.openTerminal(directory);
        opened.settings().set(SettingKey.KEY_BANK, "F10");
        return opened;
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        bankTasks = new FxTaskRunner();
        screens = new BankScreens(terminal.bank(), bankTasks, terminal.clock(),
                UiSettings.load(terminal.settings()).commandKeyBindings().get(SettingKey.KEY_BANK.key()));
        window.addExtension(screens);
    }

    @Override
    protected void closeMore() {
        bankTasks.close();
    }

    @Test
    void boundToF10TheBankScreenOpensOnF10AndF9DoesNothing(FxRobot robot) {
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screens.isShowing()).isFalse();
        assertThat(robot.lookup("#sync-screen").tryQuery()).isEmpty();

        robot.type(KeyCode.F10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getId()).isEqualTo("sync-screen");

        robot.type(KeyCode.F10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screens.isShowing()).as("its key closes it again").isFalse();
        assertThat(robot.lookup("#code-field").tryQuery()).isPresent();
    }

    @Test
    void rebindingTheBankKeyInTheSettingsDialogTakesEffectAtOnce(FxRobot robot) throws Exception {
        robot.type(KeyCode.F8);
        TextField bankKey = robot.lookup("#key-bank").queryAs(TextField.class);
        assertThat(bankKey.getText()).isEqualTo("F10");
        robot.clickOn("#key-bank");
        robot.type(KeyCode.F11);
        assertThat(bankKey.getText()).isEqualTo("F11");
        robot.type(KeyCode.ENTER);
        // saving runs off the FX thread; the screen is drawn again once it is done
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#settings-dialog").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(terminal.settings().get(SettingKey.KEY_BANK)).isEqualTo("F11");

        robot.type(KeyCode.F10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screens.isShowing()).as("the old key does nothing any more").isFalse();
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getId()).isEqualTo("sync-screen");
    }

    @Test
    void theDialogRefusesABankKeyThatTheTillAlreadyUses(FxRobot robot) {
        robot.type(KeyCode.F8);
        robot.clickOn("#key-bank");
        robot.type(KeyCode.F12);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#settings-dialog").tryQuery()).isPresent();
        assertThat(robot.lookup("#settings-notice").queryAs(Label.class).getText())
                .isEqualTo("按键 F12 同时用于“现金”和“同步与对账”。");
        assertThat(terminal.settings().get(SettingKey.KEY_BANK)).isEqualTo("F10");
    }
}
