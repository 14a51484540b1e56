package org.tongpos.app.returns.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.ui.TillScreensSupport.snapshot;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.ui.TillScreensSupport;
import org.tongpos.app.ui.TillScreensTestBase;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * 退货 by keys: a paid sale of two lines; F1, the receipt's QR code scanned, one piece of one line picked, a supervisor
 * approves (refund.approval-above is 0), the cash refund is journaled against the sale and the slip prints.
 */
class ReturnScreenFxTest extends TillScreensTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Test
    void returnOneLineOfAPaidSaleByItsReceiptQr(FxRobot robot) throws TimeoutException {
        scan(robot, TerminalFixture.COLA);
        scan(robot, TerminalFixture.PEPSI);
        scan(robot, TerminalFixture.PEPSI);
        robot.type(KeyCode.F12);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        String receiptNo = window.viewModel().completedSale().get().receiptNo();
        robot.type(KeyCode.ENTER);

        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#return-receipt-dialog").tryQuery().isPresent());
        assertThat(focusOwner()).isSameAs(robot.lookup("#return-receipt").query());
        scan(robot, receiptNo); // the QR code on the receipt carries its number

        waitUntil(() -> robot.lookup("#return-pick-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#return-lines").queryTableView().getItems()).hasSize(2);
        robot.type(KeyCode.DOWN); // the pepsi line
        TillScreensSupport.typeSlowly(robot, scene, "1");
        assertThat(text(robot, "#return-total")).isEqualTo("退款 ￥3.00");
        snapshot(scene, "return-pick");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#approval-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#approval-what")).contains(receiptNo, "3.00");
        TillScreensSupport.typeSlowly(robot, scene, "002");
        robot.type(KeyCode.ENTER);
        TillScreensSupport.typeSlowly(robot, scene, "2222");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#return-done-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#return-notice")).isEqualTo("请从钱箱退给顾客现金 ￥3.00。");
        assertThat(robot.lookup("#return-slip").queryAs(TextArea.class).getText())
                .contains("退货单", receiptNo, "百事可乐 330ml ×1", "-3.00", "授权主管");
        snapshot(scene, "return-done");
        JournalEntry refund = terminal.journal().read(terminal.journal().lastSeq(), 1).get(0);
        assertThat(refund.kind()).isEqualTo(EntryKind.REFUND);
        assertThat(refund.amountFen()).isEqualTo(300);
        assertThat(refund.tenders()).singleElement().satisfies(t -> {
            assertThat(t.method()).isEqualTo(TenderMethod.CASH);
            assertThat(t.amountFen()).isEqualTo(300);
        });
        assertThat(terminal.returns().find(receiptNo).lines().get(1).unitsLeft()).isEqualTo(1);

        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#return-done-dialog").tryQuery().isEmpty());
        assertThat(text(robot, "#notice")).isEqualTo("小票 " + receiptNo + " 已退货，退款 ￥3.00。");
        assertThat(focusOwner()).isSameAs(robot.lookup("#code-field").query());
    }

    @Test
    void moreThanIsLeftIsRefusedOnScreen(FxRobot robot) throws TimeoutException {
        scan(robot, TerminalFixture.COLA);
        robot.type(KeyCode.F12);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        String receiptNo = window.viewModel().completedSale().get().receiptNo();
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#return-receipt-dialog").tryQuery().isPresent());
        TillScreensSupport.typeSlowly(robot, scene, receiptNo);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#return-pick-dialog").tryQuery().isPresent());

        TillScreensSupport.typeSlowly(robot, scene, "5");

        assertThat(text(robot, "#return-notice")).isEqualTo("可口可乐 330ml 退货数量超出：还可退 1。");
        assertThat(text(robot, "#return-total")).isEqualTo("退款 ￥3.00");
    }
}
