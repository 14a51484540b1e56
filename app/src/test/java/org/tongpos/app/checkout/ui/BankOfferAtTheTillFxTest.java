package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.ui.SandboxBankWindowTestBase;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/**
 * The bank's offer at the till by keys, with the sandbox bank: cash pays the full price; the bank's own payment code
 * scanned at the payment step pays the price after the bank's offer, and the receipt lists the offer.
 */
class BankOfferAtTheTillFxTest extends SandboxBankWindowTestBase {

    /** 20 digits shaped like no other network's: the bank's own code (sandbox channel BANK), paid at once. */
    private static final String BANK_CODE = "88123456789012340000";
    private static final String PROMOTIONS = "id,name,kind,target,min_spend,amount_off,tender\n"
            + "BANK-5-1,用本行码满5减1,bank_offer,all,5,1,PAYMENT_CODE\n";

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected void prepare(Terminal opened) throws Exception {
        opened.promotions().promotions().importCsv(new ByteArrayInputStream(
                PROMOTIONS.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void theBanksOwnCodePaysThePriceAfterTheBanksOffer(FxRobot robot) throws TimeoutException {
        scan(robot, TerminalFixture.COLA);
        scan(robot, TerminalFixture.COLA);
        assertThat(text(robot, "#total-amount")).as("no offer before the tender is known").isEqualTo("￥6.00");
        robot.type(KeyCode.F12);
        assertThat(robot.lookup("#tendered-field").queryAs(TextField.class).getText()).isEqualTo("6.00");

        scan(robot, BANK_CODE);

        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        JournalEntry entry = terminal.journal().read(1, 1).get(0);
        assertThat(entry.amountFen()).isEqualTo(500);
        assertThat(entry.tenders().get(0).method()).isEqualTo(TenderMethod.PAYMENT_CODE);
        assertThat(entry.tenders().get(0).amountFen()).isEqualTo(500);
        assertThat(robot.lookup("#receipt-text").queryAs(TextArea.class).getText())
                .contains("用本行码满5减1", "-1.00", "￥5.00");
    }
}
