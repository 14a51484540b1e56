package org.tongpos.app.bank.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.FxTaskRunner;
import org.tongpos.sync.batch.BatchState;
import org.tongpos.sync.batch.RoundOutcome;
import org.tongpos.sync.batch.SealedBatch;
import org.tongpos.sync.batch.SyncStatus;

/**
 * What the bank indicator says the cashier must know at once pops up over the till (ControlsFX notifications): the
 * bank out of reach, reachable again, a quarantined batch.
 */
class BankAlertsFxTest extends CashierWindowTestBase {

    private FxTaskRunner bankTasks;
    private BankScreens screens;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
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
    }

    @Test
    void theBankOutOfReachThenBackAndAQuarantinedBatchPopUp(FxRobot robot) throws Exception {
        BankIndicatorViewModel indicator = screens.indicatorViewModel();
        assertThat(alertsShown()).isEmpty();

        robot.interact(() -> indicator.show(status(RoundOutcome.BANK_UNREACHABLE, 3, List.of())));
        waitForAlert("连不上银行，3 笔待上传；收银照常进行。");

        robot.interact(() -> indicator.show(status(RoundOutcome.UP_TO_DATE, 0, List.of())));
        waitForAlert("银行已重新连通。");

        SealedBatch quarantined = new SealedBatch(UUID.randomUUID(), 4, 6, 3, 900, 0, BatchState.QUARANTINED,
                "CHAIN_BROKEN", 1, null);
        robot.interact(() -> indicator.show(status(RoundOutcome.BLOCKED_BY_QUARANTINE, 3, List.of(quarantined))));
        waitForAlert("第 4–6 笔的批次被隔离，请在同步界面处理（F9）。");
        assertThat(focusOwner()).as("an alert never takes the scanner's focus")
                .isSameAs(robot.lookup("#code-field").query());
    }

    private static SyncStatus status(RoundOutcome outcome, long pending, List<SealedBatch> quarantined) {
        return new SyncStatus(Optional.of(outcome), 10, 10 - pending, pending, Optional.empty(), Optional.empty(),
                false, quarantined);
    }
}
