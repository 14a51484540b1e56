package org.tongpos.app.shifts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.SandboxBankWindowTestBase;
import org.tongpos.app.ui.TillScreensSupport;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * A day at the till by keys, as a new cashier would work it, with a sandbox bank behind the till: the float asked at
 * log-in; three items paid part in cash and the rest by the customer's payment code; a sale put aside (挂单) while the
 * next customer pays, then resumed and paid; one item returned against the first receipt's QR code (refunded to the
 * code through the bank, a supervisor approving); 交班 with a blind count by denomination, and the Z report agrees with
 * the journal to the fen.
 */
class TillDayFxTest extends SandboxBankWindowTestBase {

    private static final String PAYS = "134567890123450000";

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected void addExtensions(CashierWindow cashierWindow) {
        TillScreensSupport.addTillScreens(cashierWindow, terminal, tasks);
    }

    private void type(FxRobot robot, String text) throws TimeoutException {
        TillScreensSupport.typeSlowly(robot, scene, text);
    }

    private String payCashAndCloseReceipt(FxRobot robot) throws TimeoutException {
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup("#payment-dialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        String receiptNo = window.viewModel().completedSale().get().receiptNo();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isEmpty());
        return receiptNo;
    }

    @Test
    void openSellSplitSuspendResumeReturnAndCloseTheDayWithABlindCount(FxRobot robot) throws TimeoutException {
        // 开班: the float, asked at log-in
        waitUntil(() -> robot.lookup("#shift-open-dialog").tryQuery().isPresent());
        type(robot, "100");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> terminal.shifts().current().isPresent());

        // three items, ¥5 in cash and the rest by the customer's payment code
        scan(robot, TerminalFixture.COLA);
        scan(robot, TerminalFixture.PEPSI);
        scan(robot, TerminalFixture.PEPSI);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥9.00");
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup("#payment-dialog").tryQuery().isPresent());
        type(robot, "5");
        scan(robot, PAYS);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        String firstReceipt = window.viewModel().completedSale().get().receiptNo();
        JournalEntry split = terminal.journal().read(1, 1).get(0);
        assertThat(split.amountFen()).isEqualTo(900);
        assertThat(split.tenders()).extracting(EntryTender::method, EntryTender::amountFen)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(TenderMethod.CASH, 500L),
                        org.assertj.core.groups.Tuple.tuple(TenderMethod.PAYMENT_CODE, 400L));
        assertThat(split.tenders()).filteredOn(t -> t.method() == TenderMethod.PAYMENT_CODE)
                .singleElement().satisfies(t -> assertThat(t.reference()).isNotEmpty());
        assertThat(robot.lookup("#receipt-text").queryAs(TextArea.class).getText()).contains("付款码", "现金");
        assertThat(robot.lookup(".receipt-paid").queryLabeled().getText()).startsWith("应收 ￥9.00　实收 ￥9.00");
        TillScreensSupport.snapshot(scene, "till-day-split-receipt");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isEmpty());

        // 挂单: a customer forgot something; the next one pays; then 取单
        scan(robot, TerminalFixture.COLA);
        robot.type(KeyCode.F4);
        waitUntil(() -> cartLines(robot).isEmpty() && terminal.suspended().list().size() == 1);
        scan(robot, TerminalFixture.PEPSI);
        payCashAndCloseReceipt(robot);
        robot.push(KeyCode.SHIFT, KeyCode.F4);
        waitUntil(() -> robot.lookup("#suspend-dialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> cartLines(robot).size() == 1);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥3.00");
        payCashAndCloseReceipt(robot);
        assertThat(terminal.suspended().list()).isEmpty();

        // 退货: one pepsi of the first sale, by its receipt's QR code; the code's part is refunded first
        robot.type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#return-receipt-dialog").tryQuery().isPresent());
        scan(robot, firstReceipt);
        waitUntil(() -> robot.lookup("#return-pick-dialog").tryQuery().isPresent());
        robot.type(KeyCode.DOWN);
        type(robot, "1");
        assertThat(text(robot, "#return-total")).isEqualTo("退款 ￥3.00");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#approval-dialog").tryQuery().isPresent());
        type(robot, "002");
        robot.type(KeyCode.ENTER);
        type(robot, "2222");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#return-done-dialog").tryQuery().isPresent());
        JournalEntry refund = terminal.journal().read(terminal.journal().lastSeq(), 1).get(0);
        assertThat(refund.kind()).isEqualTo(EntryKind.REFUND);
        assertThat(refund.amountFen()).isEqualTo(300);
        assertThat(refund.tenders()).singleElement().satisfies(t -> {
            assertThat(t.method()).isEqualTo(TenderMethod.PAYMENT_CODE);
            assertThat(t.amountFen()).isEqualTo(300);
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#return-done-dialog").tryQuery().isEmpty());

        // 交班: a blind count of ¥111 (float 100 + cash 5 + 3 + 3), then the Z report
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> robot.lookup("#shift-count-dialog").tryQuery().isPresent());
        type(robot, "1"); // 1 × 100
        robot.type(KeyCode.ENTER); // 50
        robot.type(KeyCode.ENTER); // 20
        robot.type(KeyCode.ENTER); // 10
        type(robot, "1");
        robot.type(KeyCode.ENTER); // 5
        robot.type(KeyCode.ENTER); // 1
        type(robot, "1");
        assertThat(text(robot, "#count-total")).isEqualTo("实点合计 ￥111.00");
        robot.type(KeyCode.ENTER); // 0.5
        robot.type(KeyCode.ENTER); // 0.1
        robot.type(KeyCode.ENTER); // closes the shift
        waitUntil(() -> robot.lookup("#shift-report-dialog").tryQuery().isPresent());
        TillScreensSupport.snapshot(scene, "till-day-z-report");

        assertThat(text(robot, "#over-short")).isEqualTo("钱箱相符");
        assertThat(terminal.shifts().current()).isEmpty();
        List<JournalEntry> day = terminal.journal().read(1, (int) terminal.journal().lastSeq());
        long sales = day.stream().filter(e -> e.kind() == EntryKind.SALE).mapToLong(JournalEntry::amountFen).sum();
        long refunds = day.stream().filter(e -> e.kind() == EntryKind.REFUND).mapToLong(JournalEntry::amountFen)
                .sum();
        long cashNet = day.stream().mapToLong(e -> e.tenders().stream().filter(t -> t.method() == TenderMethod.CASH)
                .mapToLong(t -> e.kind() == EntryKind.REFUND ? -t.amountFen() : t.amountFen()).sum()).sum();
        assertThat(sales).isEqualTo(1500);
        assertThat(refunds).isEqualTo(300);
        assertThat(10_000 + cashNet).as("expected cash: the float and the journal's cash").isEqualTo(11_100);
        String report = robot.lookup("#shift-report").queryAs(TextArea.class).getText();
        assertThat(report).contains("Z 报表", "15.00", "3.00", "付款码", "应有现金", "111.00", "实点现金", "100.00 × 1",
                "10.00 × 1", "1.00 × 1");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#shift-report-dialog").tryQuery().isEmpty());
    }
}
