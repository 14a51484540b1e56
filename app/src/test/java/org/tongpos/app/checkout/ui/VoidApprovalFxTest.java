package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.FxTaskRunner;
import org.tongpos.app.TerminalFixture;

/**
 * The approval prompt in place, proved on a retail void: the demo cashier (logged in automatically) removes a line
 * worth more than void.approval-above; a supervisor types their number and PIN on the same screen.
 */
@ExtendWith(ApplicationExtension.class)
class VoidApprovalFxTest {

    private static final int HUMAN_GAP_MS = 90;

    @TempDir
    Path directory;
    private Terminal terminal;
    private FxTaskRunner tasks;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        terminal = TerminalFixture.openWithDemoCatalog(directory);
        tasks = new FxTaskRunner();
        CashierWindow window = CashierWindow.load(terminal, tasks);
        stage.setScene(window.createScene(1260, 760));
        stage.show();
        window.view().codeField().requestFocus();
    }

    @AfterEach
    void close() {
        tasks.close();
        terminal.close();
    }

    @Test
    void aLineAboveTheLimitIsRemovedOnceASupervisorApprovesWithTheirPin(FxRobot robot) {
        twentyColas(robot);

        robot.type(KeyCode.DELETE);
        typeSlowly(robot, "1");
        robot.type(KeyCode.ENTER);

        assertThat(robot.lookup("#approval-dialog").tryQuery()).isPresent();
        assertThat(robot.lookup("#approval-what").queryAs(Label.class).getText())
                .isEqualTo("删除商品：可口可乐 330ml ×20，金额 ￥60.00");
        assertThat(robot.lookup("#approval-who").queryAs(Label.class).getText())
                .isEqualTo("请有“超额删除、清空”权限的操作员输入工号和密码。");
        assertThat(focusOwner()).isSameAs(robot.lookup("#approval-number").query());
        typeSlowly(robot, "001");
        robot.type(KeyCode.ENTER);
        typeSlowly(robot, "1111");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#approval-notice").queryAs(Label.class).getText()
                .equals("工号 001（收银员）无权授权：超额删除、清空。"));
        assertThat(cartLines(robot)).hasSize(1);

        TextField number = robot.lookup("#approval-number").queryAs(TextField.class);
        robot.interact(() -> {
            number.clear();
            number.requestFocus();
        });
        typeSlowly(robot, "002");
        robot.type(KeyCode.ENTER);
        typeSlowly(robot, "2222");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> cartLines(robot).isEmpty());
        assertThat(robot.lookup("#approval-dialog").tryQuery()).isEmpty();
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText())
                .isEqualTo("已删除：可口可乐 330ml（授权人 002）");
        assertThat(focusOwner()).isSameAs(robot.lookup("#code-field").query());
        List<AuditRecord> records = terminal.operators().audit().list(terminal.systemSession(),
                LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
        AuditRecord voided = records.get(records.size() - 1);
        assertThat(voided.action()).isEqualTo(AuditAction.VOID_LINE);
        assertThat(voided.actor()).isEqualTo("001");
        assertThat(voided.source()).isEqualTo("AUTOMATIC");
        assertThat(voided.approver()).isEqualTo("002");
        assertThat(records).extracting(AuditRecord::action).containsSubsequence(AuditAction.APPROVAL_REFUSED,
                AuditAction.APPROVAL_GRANTED, AuditAction.VOID_LINE);
    }

    @Test
    void escGivesUpAndTheLineStays(FxRobot robot) {
        twentyColas(robot);
        robot.type(KeyCode.DELETE);
        typeSlowly(robot, "1");
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#approval-dialog").tryQuery()).isPresent();

        robot.type(KeyCode.ESCAPE);

        assertThat(robot.lookup("#approval-dialog").tryQuery()).isEmpty();
        assertThat(cartLines(robot)).hasSize(1);
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).isEqualTo("未授权，商品保留。");
        assertThat(focusOwner()).isSameAs(robot.lookup("#code-field").query());
    }

    private void twentyColas(FxRobot robot) {
        scan(DemoCatalog.stapleBarcode(0));
        robot.type(KeyCode.F3);
        typeSlowly(robot, "20");
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#total-amount").queryAs(Label.class).getText()).isEqualTo("￥60.00");
    }

    private void scan(String code) {
        Scene scene = stage.getScene();
        WaitForAsyncUtils.asyncFx(() -> {
            for (char c : code.toCharArray()) {
                fire(scene, KeyEvent.KEY_TYPED, String.valueOf(c), KeyCode.UNDEFINED);
            }
            fire(scene, KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, KeyCode.ENTER);
            fire(scene, KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, KeyCode.ENTER);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fire(Scene scene, javafx.event.EventType<KeyEvent> type, String character, KeyCode code) {
        Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        Event.fireEvent(target, new KeyEvent(type, character, "", code, false, false, false, false));
    }

    private void typeSlowly(FxRobot robot, String text) {
        Node focused = focusOwner();
        robot.write(text, HUMAN_GAP_MS);
        if (focused instanceof TextField field) {
            waitUntil(() -> field.getText().endsWith(text));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> cartLines(FxRobot robot) {
        return robot.lookup("#cart-table").queryAs(TableView.class).getItems();
    }

    private Node focusOwner() {
        WaitForAsyncUtils.waitForFxEvents();
        return stage.getScene().getFocusOwner();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not there within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
