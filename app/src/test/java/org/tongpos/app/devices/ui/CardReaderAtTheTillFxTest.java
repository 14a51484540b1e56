package org.tongpos.app.devices.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.TillScreensSupport;
import org.tongpos.hardware.sim.SimulatedCardReader;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The till's PC/SC reader (the simulator, through the devices feature as the window wires it): a member card held to
 * it while scanning makes its holder the sale's member (as F6 with the UID); a bank card read at the payment step
 * opens the card step with its masked number, which the receipt prints.
 */
class CardReaderAtTheTillFxTest extends CashierWindowTestBase {

    private static final String MEMBER_CARD = "04D1E2F3A4B5C6";

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected Terminal openTerminal(Path directory) throws Exception {
        Terminal opened = super.openTerminal(directory);
        opened.promotions().members().importCsv(new ByteArrayInputStream(
                ("phone,card_uid,name\n,"+ MEMBER_CARD + ",李雷\n").getBytes(StandardCharsets.UTF_8)));
        return opened;
    }

    @Override
    protected void addExtensions(CashierWindow cashierWindow) {
        cashierWindow.addExtension(DeviceTill.forWindow(terminal, cashierWindow.viewModel(), cashierWindow::scanned));
    }

    private SimulatedCardReader reader() {
        return (SimulatedCardReader) terminal.devices().cardReader().orElseThrow();
    }

    @Test
    void aMemberCardOnTheReaderMakesItsHolderTheMember(FxRobot robot) throws Exception {
        scan(robot, TerminalFixture.COLA);
        reader().presentMealCard(MEMBER_CARD);
        reader().removeCard();
        waitUntil(() -> robot.lookup("#member-label").tryQuery().isPresent());
        assertThat(text(robot, "#member-label")).isEqualTo("会员：李雷");
    }

    @Test
    void aBankCardOnTheReaderAtThePaymentStepGoesWithTheCardTender(FxRobot robot) throws Exception {
        scan(robot, TerminalFixture.COLA);
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup("#payment-dialog").tryQuery().isPresent());
        reader().presentBankCard("6222021234567890123");
        reader().removeCard();
        waitUntil(() -> text(robot, "#payment-card-number").equals("6222 **** **** 0123"));
        waitUntil(() -> focusOwner() == robot.lookup("#card-reference-field").query());
        TillScreensSupport.typeSlowly(robot, scene, "889900");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        assertThat(terminal.journal().read(1, 1).get(0).tenders())
                .containsExactly(new EntryTender(TenderMethod.BANK_CARD, 300, "889900"));
        assertThat(robot.lookup("#receipt-text").queryAs(TextArea.class).getText())
                .contains("6222 **** **** 0123", "889900").doesNotContain("6222021234567890123");
    }
}
