package org.tongpos.app.returns.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.ui.TillScreensSupport;
import org.tongpos.app.ui.TillScreensTestBase;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * 无小票退货 by keys: F1, F2 (no receipt), one item scanned and one typed with a quantity, Delete takes a wrong one
 * off, the reason typed, the logged-in cashier gets a supervisor's number and PIN, the cash refund is journaled naming
 * no sale and the slip says there was no receipt.
 */
class ReturnWithoutReceiptFxTest extends TillScreensTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    private int lines(FxRobot robot) {
        return robot.lookup("#return-noreceipt-lines").queryTableView().getItems().size();
    }

    @Test
    void aCashierReturnsGoodsWithoutAReceiptWithASupervisorsPin(FxRobot robot) throws TimeoutException {
        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#return-receipt-dialog").tryQuery().isPresent());
        robot.type(KeyCode.F2);
        waitUntil(() -> robot.lookup("#return-noreceipt-dialog").tryQuery().isPresent());
        assertThat(focusOwner()).isSameAs(robot.lookup("#return-item").query());

        scan(robot, TerminalFixture.COLA);
        waitUntil(() -> lines(robot) == 1);
        TillScreensSupport.typeSlowly(robot, scene, TerminalFixture.PEPSI + "x2");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> lines(robot) == 2);
        scan(robot, "6920000000036"); // 农夫山泉, not coming back after all
        waitUntil(() -> lines(robot) == 3);
        assertThat(text(robot, "#return-total")).isEqualTo("退现金 ￥11.00");
        robot.type(KeyCode.DELETE);
        waitUntil(() -> lines(robot) == 2);
        assertThat(text(robot, "#return-total")).isEqualTo("退现金 ￥9.00");

        robot.type(KeyCode.ENTER); // no reason yet
        assertThat(text(robot, "#return-notice")).isEqualTo("无小票退货必须填写原因。");
        robot.type(KeyCode.TAB);
        TillScreensSupport.typeSlowly(robot, scene, "bad");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#approval-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#approval-what")).contains("9.00");
        TillScreensSupport.typeSlowly(robot, scene, "002");
        robot.type(KeyCode.ENTER);
        TillScreensSupport.typeSlowly(robot, scene, "2222");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#return-done-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#return-notice")).isEqualTo("请从钱箱退给顾客现金 ￥9.00。");
        assertThat(robot.lookup("#return-slip").queryAs(TextArea.class).getText())
                .contains("退货单", "无小票", "可口可乐 330ml ×1", "百事可乐 330ml ×2", "-9.00", "授权主管", "bad");
        JournalEntry refund = terminal.journal().read(terminal.journal().lastSeq(), 1).get(0);
        assertThat(refund.kind()).isEqualTo(EntryKind.REFUND);
        assertThat(refund.originalTxnId()).isEqualTo(ReturnService.NO_ORIGINAL);
        assertThat(refund.tenders()).singleElement().satisfies(t -> {
            assertThat(t.method()).isEqualTo(TenderMethod.CASH);
            assertThat(t.amountFen()).isEqualTo(900);
        });

        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#return-done-dialog").tryQuery().isEmpty());
        assertThat(text(robot, "#notice")).isEqualTo("无小票退货，退现金 ￥9.00。");
    }
}
