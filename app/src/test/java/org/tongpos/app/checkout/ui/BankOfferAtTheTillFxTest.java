package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/**
 * The bank's offer at the till by keys, with the sandbox bank: cash pays the full price; the bank's own payment code
 * scanned at the payment step pays the price after the bank's offer, and the receipt lists the offer.
 */
class BankOfferAtTheTillFxTest extends CashierWindowTestBase {

    /** 20 digits shaped like no other network's: the bank's own code (sandbox channel BANK), paid at once. */
    private static final String BANK_CODE = "88123456789012340000";
    private static final String PROMOTIONS = "id,name,kind,target,min_spend,amount_off,tender\n"
            + "BANK-5-1,用本行码满5减1,bank_offer,all,5,1,PAYMENT_CODE\n";

    private SandboxBank bank;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected Terminal openTerminal(Path directory) throws Exception {
        String key = BankTestSupport.newKey();
        Path bankDir = Files.createDirectories(directory.resolve("bank"));
        Terminal opened = TerminalFixture.openWithDemoCatalog(directory.resolve("till"));
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT), opened.clock());
        BankTestSupport.configure(opened, bank.apiBaseUrl(), key);
        opened.promotions().promotions().importCsv(new ByteArrayInputStream(
                PROMOTIONS.getBytes(StandardCharsets.UTF_8)), "test");
        return opened;
    }

    @Override
    protected void closeMore() {
        if (bank != null) {
            bank.close();
        }
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
