package org.tongpos.app.shifts.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.ui.TillScreensSupport.snapshot;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.shifts.domain.Shift;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.TillScreensSupport;

/**
 * A cashier's day by keys: the window asks for the float at log-in, a sale, then 交班 with a blind count by
 * denomination; the Z report shows over or short, and beyond the tolerance the close asks why first.
 */
class ShiftScreenFxTest extends CashierWindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected void addExtensions(CashierWindow cashierWindow) {
        TillScreensSupport.addTillScreens(cashierWindow, terminal, tasks);
    }

    @Test
    void openShiftSellThenCloseWithACountShowsShort(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#shift-open-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#shift-notice")).contains("当前没有开班");
        snapshot(scene, "shift-open");
        type(robot, "200");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#shift-open-dialog").tryQuery().isEmpty());
        assertThat(terminal.shifts().current()).map(Shift::openingFloat).map(m -> m.toYuanString())
                .contains("200.00");
        assertThat(text(robot, "#shift-status")).isEqualTo("班次 1（001）");
        assertThat(text(robot, "#notice")).isEqualTo("班次 1 已开班，备用金 200.00。");
        assertThat(focusOwner()).isSameAs(robot.lookup("#code-field").query());

        scan(robot, TerminalFixture.COLA);
        robot.type(KeyCode.F12);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> robot.lookup("#shift-count-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#shift-notice")).startsWith("盲点");
        assertThat(robot.lookup("#shift-count-dialog .label").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .as("a blind count: nothing says what is expected").noneMatch(t -> t != null && t.contains("203"));
        type(robot, "2"); // 2 × 100
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.ENTER); // 50, 20, 10, 5, 1
        }
        type(robot, "2"); // 2 × 1
        assertThat(text(robot, "#count-total")).isEqualTo("实点合计 ￥202.00");
        snapshot(scene, "shift-count");
        robot.type(KeyCode.ENTER); // 0.5
        robot.type(KeyCode.ENTER); // 0.1
        robot.type(KeyCode.ENTER); // Enter on the last field closes the shift

        waitUntil(() -> robot.lookup("#shift-report-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#over-short")).isEqualTo("短款 ￥1.00");
        String report = robot.lookup("#shift-report").queryAs(TextArea.class).getText();
        assertThat(report).contains("Z 报表", "应有现金", "203.00", "实点现金", "202.00", "短款", "-1.00",
                "100.00 × 2");
        assertThat(text(robot, "#shift-printed")).isEqualTo("报表已送打印机。");
        snapshot(scene, "shift-z-report");
        assertThat(terminal.shifts().current()).isEmpty();

        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#shift-report-dialog").tryQuery().isEmpty());
        assertThat(text(robot, "#shift-status")).isEqualTo("未开班（Ctrl+S 开班）");
        assertThat(focusOwner()).isSameAs(robot.lookup("#code-field").query());
    }

    @Test
    void overBeyondTheToleranceAsksWhyBeforeClosing(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#shift-open-dialog").tryQuery().isPresent());
        type(robot, "100");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> terminal.shifts().current().isPresent());

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> robot.lookup("#shift-count-dialog").tryQuery().isPresent());
        type(robot, "2");
        robot.clickOn("#count-confirm");

        waitUntil(() -> robot.lookup("#shift-reason-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#over-short")).isEqualTo("长款 ￥100.00");
        assertThat(terminal.shifts().current()).as("nothing closed without a reason").isPresent();
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#shift-notice")).isEqualTo("请填写长短款原因。");
        snapshot(scene, "shift-reason");
        type(robot, "多收顾客货款待退");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#shift-report-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#over-short")).isEqualTo("长款 ￥100.00");
        assertThat(robot.lookup("#shift-report").queryAs(TextArea.class).getText())
                .contains("长款", "100.00", "原因：多收顾客货款待退");
        assertThat(terminal.shifts().current()).isEmpty();
    }

    @Test
    void payingWithNoShiftOpenAsksForTheFloatFirst(FxRobot robot) throws TimeoutException {
        waitUntil(() -> robot.lookup("#shift-open-dialog").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#shift-open-dialog").tryQuery().isEmpty());
        assertThat(text(robot, "#notice")).isEqualTo("未开班：收款前需要开班。");
        scan(robot, TerminalFixture.COLA);

        robot.type(KeyCode.F12);

        waitUntil(() -> robot.lookup("#shift-open-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isEmpty();
        assertThat(text(robot, "#shift-notice")).isEqualTo("收款前需要开班：请输入备用金。");
        robot.type(KeyCode.ENTER); // a zero float
        waitUntil(() -> terminal.shifts().current().isPresent());
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup("#payment-dialog").tryQuery().isPresent());
    }

    private void type(FxRobot robot, String text) throws TimeoutException {
        TillScreensSupport.typeSlowly(robot, scene, text);
    }
}
