package org.tongpos.app.suspend.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.ui.TillScreensSupport.snapshot;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.ui.TillScreensTestBase;

/** 挂单 / 取单 by keys: F4 puts the sale aside, another sale can be rung up, Shift+F4 lists and Enter resumes. */
class SuspendScreenFxTest extends TillScreensTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Test
    void suspendThenResumeBringsTheSaleBack(FxRobot robot) throws TimeoutException {
        scan(robot, TerminalFixture.COLA);
        scan(robot, TerminalFixture.PEPSI);
        scan(robot, TerminalFixture.PEPSI);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥9.00");

        robot.type(KeyCode.F4);

        waitUntil(() -> cartLines(robot).isEmpty());
        assertThat(text(robot, "#notice")).isEqualTo("已挂单 1（2 行，合计 ￥9.00）。取单时按取单键。");
        assertThat(terminal.suspended().list()).hasSize(1);
        assertThat(focusOwner()).isSameAs(robot.lookup("#code-field").query());

        scan(robot, TerminalFixture.COLA);
        robot.push(KeyCode.SHIFT, KeyCode.F4);
        assertThat(text(robot, "#notice")).isEqualTo("当前销售未结束：先挂单或结账，再取单。");
        robot.type(KeyCode.F4);
        waitUntil(() -> terminal.suspended().list().size() == 2);

        robot.push(KeyCode.SHIFT, KeyCode.F4);
        waitUntil(() -> robot.lookup("#suspend-dialog").tryQuery().isPresent());
        ListView<?> list = robot.lookup("#suspended-list").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(2);
        snapshot(scene, "suspend-list");
        robot.type(KeyCode.ENTER); // the oldest: cola and two pepsi

        waitUntil(() -> robot.lookup("#suspend-dialog").tryQuery().isEmpty());
        waitUntil(() -> cartLines(robot).size() == 2);
        assertThat(cartLines(robot)).extracting(CartLine::quantity).containsExactly(1L, 2L);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥9.00");
        assertThat(text(robot, "#notice")).isEqualTo("已取单 1：2 行，合计 ￥9.00。");
        assertThat(terminal.suspended().list()).hasSize(1);
        assertThat(focusOwner()).isSameAs(robot.lookup("#code-field").query());
    }

    @Test
    void theSuspendKeyIsRebindableInTheSettingsLikeTheTillsKeys(FxRobot robot) throws TimeoutException {
        robot.type(KeyCode.F8);
        waitUntil(() -> robot.lookup("#settings-dialog").tryQuery().isPresent());
        snapshot(scene, "settings-keys");
        robot.clickOn("#key-suspend");
        robot.type(KeyCode.F11);
        assertThat(robot.lookup("#key-suspend").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("F11");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#settings-dialog").tryQuery().isEmpty());

        assertThat(robot.lookup("#action-suspend").queryAs(javafx.scene.control.Button.class).getText())
                .isEqualTo("F11  挂单");
        scan(robot, TerminalFixture.COLA);
        robot.type(KeyCode.F4);
        assertThat(cartLines(robot)).as("F4 no longer suspends").hasSize(1);
        robot.type(KeyCode.F11);
        waitUntil(() -> cartLines(robot).isEmpty());
        assertThat(terminal.suspended().list()).hasSize(1);
    }
}
