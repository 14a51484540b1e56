package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.TillScreensSupport;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The bank card at the payment step by keys: the card read by the till's reader pays all with the card terminal's
 * reference number; F3 with part on the card and the rest in cash. The journal has the BANK_CARD tender with the
 * reference; the receipt shows the reference and the masked card number.
 */
class BankCardTenderFxTest extends CashierWindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    private void ringUpNineYuan(FxRobot robot) throws TimeoutException {
        scan(robot, TerminalFixture.COLA);
        scan(robot, TerminalFixture.COLA);
        scan(robot, TerminalFixture.PEPSI);
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup("#payment-dialog").tryQuery().isPresent());
    }

    @Test
    void aCardReadByTheReaderPaysAllWithTheTerminalsReference(FxRobot robot) throws TimeoutException {
        ringUpNineYuan(robot);
        robot.interact(() -> window.viewModel().cardRead(Optional.of("6222 **** **** 1234"), Optional.empty()));
        waitUntil(() -> focusOwner() == robot.lookup("#card-reference-field").query());
        assertThat(text(robot, "#payment-card-number")).isEqualTo("6222 **** **** 1234");
        assertThat(robot.lookup("#card-amount-field").queryAs(TextField.class).getText()).isEqualTo("9.00");

        robot.type(KeyCode.ENTER); // no reference yet
        assertThat(text(robot, "#payment-notice")).contains("参考号");
        TillScreensSupport.typeSlowly(robot, scene, "REF123456");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        JournalEntry entry = terminal.journal().read(1, 1).get(0);
        assertThat(entry.amountFen()).isEqualTo(900);
        assertThat(entry.tenders()).containsExactly(new EntryTender(TenderMethod.BANK_CARD, 900, "REF123456"));
        assertThat(robot.lookup("#receipt-text").queryAs(TextArea.class).getText())
                .contains("银行卡", "9.00", "银行卡号", "6222 **** **** 1234", "刷卡参考号", "REF123456");
    }

    @Test
    void partOnTheCardAndTheRestInCash(FxRobot robot) throws TimeoutException {
        ringUpNineYuan(robot);
        robot.type(KeyCode.F3);
        waitUntil(() -> focusOwner() == robot.lookup("#card-reference-field").query());
        assertThat(text(robot, "#payment-card-number")).contains("未读卡");
        robot.type(KeyCode.UP);
        waitUntil(() -> focusOwner() == robot.lookup("#card-amount-field").query());
        TillScreensSupport.typeSlowly(robot, scene, "5");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> focusOwner() == robot.lookup("#card-reference-field").query());
        TillScreensSupport.typeSlowly(robot, scene, "A-77");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> focusOwner() == robot.lookup("#tendered-field").query());
        assertThat(text(robot, "#payment-card-part")).isEqualTo("银行卡 ￥5.00（参考号 A-77），现金还需 ￥4.00");
        assertThat(robot.lookup("#tendered-field").queryAs(TextField.class).getText()).isEqualTo("4.00");
        assertThat(terminal.journal().lastSeq()).as("nothing journaled before cash pays the rest").isZero();
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        JournalEntry entry = terminal.journal().read(1, 1).get(0);
        assertThat(entry.amountFen()).isEqualTo(900);
        assertThat(entry.tenders()).containsExactly(new EntryTender(TenderMethod.BANK_CARD, 500, "A-77"),
                new EntryTender(TenderMethod.CASH, 400, ""));
        assertThat(robot.lookup("#receipt-text").queryAs(TextArea.class).getText())
                .contains("刷卡参考号", "A-77").doesNotContain("银行卡号");
    }

    @Test
    void escOnTheCardStepGoesBackToCash(FxRobot robot) throws TimeoutException {
        ringUpNineYuan(robot);
        robot.type(KeyCode.F3);
        waitUntil(() -> focusOwner() == robot.lookup("#card-reference-field").query());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> focusOwner() == robot.lookup("#tendered-field").query());
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isPresent();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        assertThat(terminal.journal().read(1, 1).get(0).tenders())
                .containsExactly(new EntryTender(TenderMethod.CASH, 900, ""));
    }
}
