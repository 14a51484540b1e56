package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.ui.SandboxBankWindowTestBase;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The payment step by keys with a sandbox bank behind the till: the customer's code scanned at the payment step pays
 * the sale (journaled with the bank's trade number); while the customer has not confirmed, the seconds left show and
 * Esc cancels and reverses, and cash still pays afterwards; a refused code says the bank's reason in Chinese.
 */
class PaymentCodeFxTest extends SandboxBankWindowTestBase {

    private static final String COLA = DemoCatalog.stapleBarcode(0);   // 3.00
    private static final String PAYS = "134567890123450000";
    private static final String NEVER_CONFIRMED = "134567890123458000";
    private static final String NO_BALANCE = "134567890123459002";

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Test
    void theCustomersCodeScannedAtThePaymentStepPaysTheSale(FxRobot robot) throws TimeoutException {
        scan(robot, COLA);
        robot.type(KeyCode.F12);
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isPresent();

        scan(robot, PAYS);

        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
        JournalEntry entry = terminal.journal().read(1, 1).get(0);
        assertThat(entry.amountFen()).isEqualTo(300);
        assertThat(entry.tenders()).hasSize(1);
        assertThat(entry.tenders().get(0).method()).isEqualTo(TenderMethod.PAYMENT_CODE);
        assertThat(entry.tenders().get(0).reference()).isNotEmpty();
        assertThat(robot.lookup("#receipt-text").queryAs(TextArea.class).getText()).contains("￥3.00");
    }

    @Test
    void whileWaitingTheSecondsLeftShowAndEscCancelsThenCashStillPays(FxRobot robot) throws TimeoutException {
        scan(robot, COLA);
        robot.type(KeyCode.F12);
        scan(robot, NEVER_CONFIRMED);

        waitUntil(() -> robot.lookup("#payment-waiting").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(text(robot, "#payment-waiting")).contains("等待顾客在手机上确认付款", "还剩", "秒");

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> text(robot, "#payment-notice").contains("已取消并撤销"));
        assertThat(robot.lookup("#payment-dialog").tryQuery()).as("other tenders are offered").isPresent();
        assertThat(robot.lookup("#payment-waiting").queryLabeled().isVisible()).isFalse();
        assertThat(terminal.journal().lastSeq()).isZero();

        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        assertThat(terminal.journal().read(1, 1).get(0).tenders().get(0).method()).isEqualTo(TenderMethod.CASH);
    }

    @Test
    void aRefusedCodeSaysTheBanksReasonInTheCashiersLanguage(FxRobot robot) throws TimeoutException {
        scan(robot, COLA);
        robot.type(KeyCode.F12);
        scan(robot, NO_BALANCE);

        waitUntil(() -> text(robot, "#payment-notice").contains("余额不足"));
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isPresent();
        assertThat(terminal.journal().lastSeq()).isZero();
    }
}
