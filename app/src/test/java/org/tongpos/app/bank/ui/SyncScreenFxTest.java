package org.tongpos.app.bank.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.controlsfx.control.MaskerPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.FxTaskRunner;
import org.tongpos.sync.journal.TenderMethod;
import org.tongpos.sync.sandbox.Fault;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;
import org.tongpos.sync.sandbox.StatementRowStatus;

/**
 * The sync and reconciliation screen opened by its key (F9) from the cashier window, against a real sandbox bank: it shows the
 * pending entries, "sync now" uploads them, Esc returns to the till and the status bar indicator follows.
 */
class SyncScreenFxTest extends CashierWindowTestBase {

    @TempDir
    static Path bankDir;
    private SandboxBank bank;
    private BankScreens screens;
    private Parent till;
    private FxTaskRunner bankTasks;
    private String cardTxn;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
        till = scene.getRoot();
    }

    /** A terminal that sold for cash and by card, in English, configured for a real sandbox bank. */
    @Override
    protected Terminal openTerminal(Path directory) throws Exception {
        BankTestSupport.awayFromBusinessMidnight();
        String key = BankTestSupport.newKey();
        bank = SandboxBank.start(new SandboxBankConfig(0, bankDir, Map.of(BankTestSupport.TERMINAL, key),
                BankTestSupport.MERCHANT));
        try (Terminal setup = Terminal.open(directory)) {
            setup.catalog().save(setup.demoCatalog().products(50));
            TerminalFixture.withDemoOperators(setup);
            BankTestSupport.configure(setup, bank.apiBaseUrl(), key);
            setup.settings().set(SettingKey.LOCALE, "en");
            BankTestSupport.sell(setup, TenderMethod.CASH, 1, "");
            cardTxn = BankTestSupport.sell(setup, TenderMethod.BANK_CARD, 2, "CARD0001").txnId();
        }
        return Terminal.open(directory);
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        bankTasks = new FxTaskRunner();
        screens = new BankScreens(terminal.bank(), bankTasks, terminal.clock(), new KeyCodeCombination(KeyCode.F9));
        window.addExtension(screens);
    }

    @Override
    protected void closeMore() {
        bankTasks.close();
        bank.close();
    }

    @Test
    void f9OpensTheScreenSyncNowUploadsAndEscReturnsToTheTill(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#bank-indicator").contains("2 pending"));

        robot.press(KeyCode.F9).release(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getId()).isEqualTo("sync-screen");
        assertThat(screens.isShowing()).isTrue();
        waitUntil(() -> text(robot, "#sync-pending").contains("2 entries pending"));
        assertThat(text(robot, "#sync-contact")).contains("Last contact: never");

        bank.faults().inject("POST", "/v1/terminals/[^/]+/batches", Fault.delay(Duration.ofSeconds(2)), 1);
        robot.clickOn("#sync-now");
        MaskerPane masker = robot.lookup("#sync-masker").queryAs(MaskerPane.class);
        waitUntil(masker::isVisible);
        assertThat(masker.getText()).as("the masker says what is being done")
                .isEqualTo("Uploading the journal to the bank\u2026");
        waitUntil(() -> text(robot, "#sync-pending").contains("0 entries pending"));
        assertThat(masker.isVisible()).as("and goes once it is done").isFalse();
        waitUntil(() -> text(robot, "#sync-notice").contains("The bank holds every entry (through seq 2)"));

        robot.clickOn("#sync-close-day");
        waitUntil(() -> text(robot, "#sync-day-close").contains("IN_BALANCE"));
        robot.clickOn("#sync-reconcile");
        waitUntil(() -> text(robot, "#sync-summary").contains("Matched 1"));
        waitUntil(() -> text(robot, "#sync-notice").contains("Everything matches"));

        bank.markStatementRow(BankTestSupport.TERMINAL, cardTxn, TenderMethod.BANK_CARD, StatementRowStatus.REVERSED, 0);
        robot.clickOn("#sync-close-day");
        waitUntil(() -> text(robot, "#sync-notice").contains("IN_BALANCE, the bank agrees"));
        robot.clickOn("#sync-reconcile");
        waitUntil(() -> text(robot, "#sync-notice").contains("1 differences found"));
        TableView<?> differences = robot.lookup("#sync-differences").queryAs(TableView.class);
        assertThat(differences.getItems()).hasSize(1);
        robot.interact(() -> differences.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#sync-note").queryAs(TextField.class)
                .setText("card payment reversed by the bank; customer paid cash"));
        robot.clickOn("#sync-investigate");
        waitUntil(() -> text(robot, "#sync-notice").contains("Difference #1 marked investigated"));
        assertThat(text(robot, "#sync-summary")).contains("Reversed by the bank: 1");
        saveScreenshotIfAsked();

        robot.press(KeyCode.F12).release(KeyCode.F12);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getId()).as("the till's keys do nothing while the screen shows")
                .isEqualTo("sync-screen");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot()).isSameAs(till);
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isEmpty();
        assertThat(screens.isShowing()).isFalse();
        waitUntil(() -> text(robot, "#bank-indicator").contains("up to date"));
    }

    /** {@code -Dtongpos.screenshots=DIR} saves the screen as {@code DIR/sync.png} (for the documentation). */
    private void saveScreenshotIfAsked() throws Exception {
        String target = System.getProperty("tongpos.screenshots");
        if (target == null || target.isBlank()) {
            return;
        }
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Path file = Path.of(target).resolve("sync.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
