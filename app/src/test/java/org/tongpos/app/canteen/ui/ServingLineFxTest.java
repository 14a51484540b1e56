package org.tongpos.app.canteen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.bank.service.BankServices;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.hardware.sim.SimulatedCardReader;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/**
 * The serving line in the cashier window, driven as a serving-line worker's devices drive it: scans through the
 * window's scan route (a keyboard-wedge burst for a goods code; diner codes as the serial scanner hands them over,
 * with and without the AIM prefix {@code ]Q1}), the meal card reader (the simulator), the keys.
 * The terminal is configured for the sandbox bank and synced once (its accounts and QR keys); bank, terminal and
 * window share the fixture's clock, Monday 2026-11-30 12:05 in Shanghai (lunch).
 */
class ServingLineFxTest extends CashierWindowTestBase {

    private SandboxBank bank;
    private ServingLine line;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected Terminal openTerminal(Path directory) {
        String key = BankTestSupport.newKey();
        bank = SandboxBank.start(new SandboxBankConfig(0, directory.resolve("bank"),
                Map.of(BankTestSupport.TERMINAL, key), BankTestSupport.MERCHANT), TerminalFixture.FIXED_CLOCK);
        Terminal terminal = Terminal.open(directory.resolve("lane"), TerminalFixture.FIXED_CLOCK);
        BankTestSupport.configure(terminal, bank.apiBaseUrl(), key);
        terminal.close();
        terminal = TerminalFixture.openWithDemoCatalog(directory.resolve("lane"), TerminalFixture.FIXED_CLOCK);
        terminal.canteen().demo().load();
        BankServices.CanteenDataRefresh refresh = terminal.bank().services().orElseThrow().refreshCanteenData();
        assertThat(refresh.complete()).as(refresh.toString()).isTrue();
        return terminal;
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        ServingLineViewModel vm = new ServingLineViewModel(terminal.canteen(), tasks, window.operatorGate()::current,
                terminal.clock());
        line = new ServingLine(vm, () -> Optional.ofNullable(window.operatorGate().session().get()),
                ServingSounds.SILENT, UiSettings.load(terminal.settings()).commandKeyBindings());
        line.listenTo(terminal.devices(), Platform::runLater);
        window.addExtension(line);
    }

    @Override
    protected void closeMore() {
        if (bank != null) {
            bank.close();
        }
    }

    private void waitForResults(int count) throws Exception {
        waitUntil(() -> line.viewModel().recent().size() >= count && !line.viewModel().working().get());
    }

    private boolean panelIs(FxRobot robot, String styleClass) {
        return robot.lookup("#serving-result").query().getStyleClass().contains(styleClass);
    }

    @Test
    void theWindowOpensTheServingLineAndASignedQrCodeIsShownGreenWithTheBalanceAfterItIsJournaled(FxRobot robot)
            throws Exception {
        assertThat(line.isShowing()).isTrue();
        assertThat(text(robot, "#serving-period")).contains("午餐").contains("11:00");
        assertThat(text(robot, "#serving-verdict")).isEqualTo("请出示就餐码、刷卡或刷脸");

        // the route of every scanner (wedge bursts and the serial scanner alike); a 200-character wedge burst is
        // split into typing when the FX thread stalls for 50 ms on a loaded machine, so the wedge itself is driven
        // with a goods code below
        robot.interact(() -> window.scanned(bank.issueDinerQr("A0001")));
        waitForResults(1);

        assertThat(panelIs(robot, "serving-served")).isTrue();
        assertThat(text(robot, "#serving-verdict")).isEqualTo("收费成功 ¥10.00");
        assertThat(text(robot, "#serving-who")).startsWith("张伟");
        assertThat(text(robot, "#serving-charged")).isEqualTo("补贴 ¥10.00");
        assertThat(text(robot, "#serving-after")).startsWith("剩余：补贴 ¥290.00 · 余额 ¥");
        assertThat(text(robot, "#serving-counts")).isEqualTo("本餐次 1 份 · 今日 1 份");
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
        assertThat(text(robot, "#serving-detail")).endsWith("流水号 1");
        assertThat(window.viewModel().lines()).as("nothing went into a sale").isEmpty();
    }

    @Test
    void aForgedQrCodeIsShownRedAndNothingIsJournaled(FxRobot robot) throws Exception {
        String genuine = bank.issueDinerQr("A0002");
        int dot = genuine.lastIndexOf('.');
        char last = genuine.charAt(genuine.length() - 2);
        String forged = genuine.substring(0, genuine.length() - 2) + (last == 'A' ? 'B' : 'A')
                + genuine.charAt(genuine.length() - 1);
        assertThat(dot).isPositive();

        robot.interact(() -> window.scanned(forged));
        waitForResults(1);

        assertThat(line.viewModel().result().get().reason()).as(line.viewModel().result().get().toString())
                .contains(RefusalReason.QR_INVALID);
        assertThat(panelIs(robot, "serving-refused")).isTrue();
        assertThat(text(robot, "#serving-verdict")).isEqualTo("伪造二维码");
        assertThat(text(robot, "#serving-charged")).isEqualTo("二维码签名无效（伪造或被改动）");
        assertThat(terminal.journal().lastSeq()).isZero();
        assertThat(terminal.canteen().mealStore().count(java.time.LocalDate.of(2026, 11, 30), null)).isZero();

        robot.interact(() -> window.scanned("]Q1" + genuine));
        waitForResults(2);
        assertThat(panelIs(robot, "serving-served")).as("an AIM prefix left on is stripped").isTrue();
    }

    @Test
    void aMealCardIsServedAndASecondLunchRefusedWithoutAKeyPressed(FxRobot robot) throws Exception {
        SimulatedCardReader reader = (SimulatedCardReader) terminal.devices().cardReader().orElseThrow();
        String card = SimulatedCardReader.DEMO_MEAL_CARDS.get(0);
        DinerAccount l001 = terminal.canteen().diners().byDinerId("L001").orElseThrow();

        reader.presentMealCard(card);
        waitForResults(1);
        assertThat(panelIs(robot, "serving-served")).isTrue();
        assertThat(text(robot, "#serving-who")).startsWith(l001.name());
        reader.removeCard();

        reader.presentMealCard(card);
        waitForResults(2);
        assertThat(panelIs(robot, "serving-refused")).isTrue();
        assertThat(text(robot, "#serving-verdict")).isEqualTo("本餐次已就餐");
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
        assertThat(robot.lookup(".serving-recent-row").queryAll()).hasSize(2);
    }

    @Test
    void goodsBarcodesAreRefusedOnTheLineAndTheSwitchKeyGoesToTheTillAndBack(FxRobot robot) throws Exception {
        scan(robot, TerminalFixture.COLA);
        waitForResults(1);
        assertThat(text(robot, "#serving-verdict")).startsWith("不是就餐码");
        assertThat(window.viewModel().lines()).isEmpty();

        robot.interact(() -> robot.press(KeyCode.CONTROL, KeyCode.F11).release(KeyCode.F11, KeyCode.CONTROL));
        waitUntil(() -> !line.isShowing());
        scan(robot, TerminalFixture.COLA);
        waitUntil(() -> window.viewModel().lines().size() == 1);
        assertThat(line.viewModel().recent()).hasSize(1);

        robot.interact(() -> robot.press(KeyCode.CONTROL, KeyCode.F11).release(KeyCode.F11, KeyCode.CONTROL));
        waitUntil(line::isShowing);
    }

    @Test
    void theGuestKeyTakesAnApprovalNumberAndEnterServesOneGuest(FxRobot robot) throws Exception {
        robot.interact(() -> robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL));
        assertThat(line.view().inGuestMode()).isTrue();
        robot.interact(() -> line.view().input().setText("G999999"));
        robot.interact(() -> line.view().input().fireEvent(new javafx.event.ActionEvent()));
        waitForResults(1);

        assertThat(line.viewModel().result().get().reason()).contains(RefusalReason.GUEST_APPROVAL_UNKNOWN);
        assertThat(line.view().inGuestMode()).isFalse();
    }
}
