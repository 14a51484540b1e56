package org.tongpos.app.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.operators.ui.ScreenKeys.showing;
import static org.tongpos.app.operators.ui.ScreenKeys.text;
import static org.tongpos.app.operators.ui.ScreenKeys.type;
import static org.tongpos.app.operators.ui.ScreenKeys.waitUntil;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.Terminal;
import org.tongpos.app.operators.service.LoginResult;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.FxTaskRunner;
import org.tongpos.app.TerminalFixture;

/** A real install's first start: only the first manager, whose known PIN the window makes them change. */
@ExtendWith(ApplicationExtension.class)
class FirstStartFxTest {

    @TempDir
    Path directory;
    private Terminal terminal;
    private FxTaskRunner tasks;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        terminal = Terminal.open(directory, TerminalFixture.FIXED_CLOCK);
        terminal.catalog().save(terminal.demoCatalog().products(TerminalFixture.PRODUCTS));
        terminal.operators().setup().ensureFirstManager().orElseThrow();
        tasks = new FxTaskRunner();
        CashierWindow window = CashierWindow.load(terminal, tasks);
        stage.setScene(window.createScene(1260, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        terminal.close();
    }

    @Test
    void theFirstManagerMustChooseANewPinBeforeTheTillOpens(FxRobot robot) {
        type(robot, stage.getScene(), "900");
        robot.type(KeyCode.ENTER);
        type(robot, stage.getScene(), "0000");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#login-title").equals("设置新密码"));
        assertThat(ScreenKeys.focus(stage.getScene())).isSameAs(robot.lookup("#login-new-pin").query());
        assertThat(showing(robot, "#code-field")).isFalse();
        type(robot, stage.getScene(), "2468");
        robot.type(KeyCode.ENTER);
        type(robot, stage.getScene(), "2469");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#login-notice").equals("两次输入的新密码不一致，请重新输入。"));
        type(robot, stage.getScene(), "2468");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> showing(robot, "#code-field"));
        assertThat(text(robot, "#operator-badge")).isEqualTo("店长 900 店长");
        assertThat(terminal.operators().login().logIn("900", "0000".toCharArray()))
                .as("the known PIN no longer works").isInstanceOf(LoginResult.Refused.class);
    }
}
