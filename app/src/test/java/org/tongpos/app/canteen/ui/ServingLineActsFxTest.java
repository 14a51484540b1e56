package org.tongpos.app.canteen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.IdentifiedBy;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.hardware.sim.SimulatedCardReader;
import org.tongpos.sync.journal.EntryKind;

/**
 * The serving line's acts beyond a meal, driven by keys as the line's worker does them: a diner picked by hand (F2:
 * search by pinyin initials, Up/Down, a reason, Enter) and a meal refund (F1: pick the meal, a reason, Enter), each
 * approved in place by a supervisor's number and PIN since the demo cashier 001 at the line may do neither alone.
 * Local demo diners; the fixture's clock, Monday 2026-11-30 12:05 in Shanghai (lunch).
 */
class ServingLineActsFxTest extends CashierWindowTestBase {

    private ServingLine line;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected Terminal openTerminal(Path directory) {
        Terminal terminal = TerminalFixture.openWithDemoCatalog(directory.resolve("lane"), TerminalFixture.FIXED_CLOCK);
        terminal.canteen().demo().load();
        return terminal;
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        ServingLineViewModel vm = new ServingLineViewModel(terminal.canteen(), tasks, window.operatorGate()::current,
                terminal.clock(), new ApprovalViewModel(terminal.operators().approvals(), tasks,
                terminal.clock().getZone()));
        line = new ServingLine(vm, () -> Optional.ofNullable(window.operatorGate().session().get()),
                ServingSounds.SILENT, UiSettings.load(terminal.settings()).commandKeyBindings());
        line.listenTo(terminal.devices(), Platform::runLater);
        window.addExtension(line);
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.interact(() -> robot.press(key).release(key));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().isPresent();
    }

    /** Types the supervisor's number and PIN into the approval prompt, each followed by Enter. */
    private void approveAsSupervisor(FxRobot robot) throws Exception {
        waitUntil(() -> shown(robot, "#approval-dialog") && focusOwner() != null
                && "approval-number".equals(focusOwner().getId()));
        typeThenEnter(robot, "#approval-number", "002");
        waitUntil(() -> "approval-pin".equals(focusOwner().getId()));
        typeThenEnter(robot, "#approval-pin", "2222");
    }

    /**
     * Types as a person does: the keys at once are held back by the window's scanner detection until no key came for
     * its gap, then reach the field; Enter comes after that (four keys and Enter within the gap would be a scan).
     */
    private void typeThenEnter(FxRobot robot, String field, String text) throws Exception {
        burst(robot, text, false);
        waitUntil(() -> text.equals(robot.lookup(field).queryAs(javafx.scene.control.TextInputControl.class)
                .getText()));
        burst(robot, "", true);
    }

    private long manualToday() {
        OffsetDateTime day = OffsetDateTime.parse("2026-11-30T00:00+08:00");
        return terminal.canteen().manualIdentifications().count(day, day.plusDays(1));
    }

    @Test
    void aDinerPickedByHandNeedsAReasonAndASupervisorAndIsRecordedAndCounted(FxRobot robot) throws Exception {
        press(robot, KeyCode.F2);
        assertThat(shown(robot, "#serving-manual-dialog")).isTrue();
        assertThat(focusOwner().getId()).isEqualTo("serving-manual-search");

        burst(robot, "zm", true); // pinyin initials of 周敏 (L001)
        waitUntil(() -> !line.viewModel().matches().isEmpty() && "serving-manual-reason".equals(focusOwner().getId()));
        @SuppressWarnings("unchecked")
        ListView<Object> matches = (ListView<Object>) robot.lookup("#serving-manual-matches").query();
        assertThat(line.viewModel().matches().get(0).dinerId()).isEqualTo("L001");
        assertThat(matches.getSelectionModel().getSelectedIndex()).isZero();

        burst(robot, "", true); // Enter without a reason
        assertThat(text(robot, "#serving-manual-notice")).isEqualTo("手工识别必须填写原因");
        assertThat(shown(robot, "#approval-dialog")).isFalse();

        typeThenEnter(robot, "#serving-manual-reason", "card left at home");
        approveAsSupervisor(robot);
        waitUntil(() -> line.viewModel().result().get() != null && !line.viewModel().working().get());

        ServingResult served = line.viewModel().result().get();
        assertThat(served.isServed()).as(served.toString()).isTrue();
        assertThat(served.by()).isEqualTo(IdentifiedBy.MANUAL);
        assertThat(served.diner().orElseThrow().dinerId()).isEqualTo("L001");
        assertThat(shown(robot, "#serving-manual-dialog")).isFalse();
        assertThat(line.isShowing()).isTrue();
        assertThat(text(robot, "#serving-verdict")).isEqualTo("收费成功 ¥10.00");
        assertThat(manualToday()).isEqualTo(1);
        try (Connection c = terminal.database().connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT operator, reason FROM canteen_manual_identification")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).as("the cashier, approved by the supervisor").isEqualTo("001/002");
            assertThat(r.getString(2)).isEqualTo("card left at home");
        }
        assertThat(line.viewModel().seesManualCount()).as("the cashier does not see the count").isFalse();
    }

    @Test
    void escLeavesTheSearchWithNothingRecordedAndTheLineTakesCardsAgain(FxRobot robot) throws Exception {
        press(robot, KeyCode.F2);
        burst(robot, "zm", true);
        waitUntil(() -> !line.viewModel().matches().isEmpty());
        press(robot, KeyCode.ESCAPE);
        assertThat(shown(robot, "#serving-manual-dialog")).isFalse();
        assertThat(line.isShowing()).isTrue();
        assertThat(manualToday()).isZero();
        assertThat(terminal.journal().lastSeq()).isZero();

        SimulatedCardReader reader = (SimulatedCardReader) terminal.devices().cardReader().orElseThrow();
        reader.presentMealCard(SimulatedCardReader.DEMO_MEAL_CARDS.get(1));
        waitUntil(() -> line.viewModel().result().get() != null && !line.viewModel().working().get());
        assertThat(line.viewModel().result().get().isServed()).isTrue();
    }

    @Test
    void aMealIsRefundedFromTheLineWithAReasonAndASupervisorsPin(FxRobot robot) throws Exception {
        SimulatedCardReader reader = (SimulatedCardReader) terminal.devices().cardReader().orElseThrow();
        reader.presentMealCard(SimulatedCardReader.DEMO_MEAL_CARDS.get(0));
        waitUntil(() -> line.viewModel().result().get() != null && !line.viewModel().working().get());
        ServingResult meal = line.viewModel().result().get();
        assertThat(meal.isServed()).isTrue();
        long balanceBefore = terminal.canteen().diners().byDinerId("L001").orElseThrow().subsidy().fen();

        press(robot, KeyCode.F1);
        assertThat(shown(robot, "#serving-refund-dialog")).isTrue();
        @SuppressWarnings("unchecked")
        ListView<ServingResult> meals = (ListView<ServingResult>) robot.lookup("#serving-refund-meals").query();
        assertThat(meals.getItems()).containsExactly(meal);
        assertThat(focusOwner().getId()).isEqualTo("serving-refund-reason");

        typeThenEnter(robot, "#serving-refund-reason", "wrong diner");
        waitUntil(() -> shown(robot, "#approval-dialog"));
        // a wrong PIN keeps the prompt open and refunds nothing
        typeThenEnter(robot, "#approval-number", "002");
        waitUntil(() -> "approval-pin".equals(focusOwner().getId()));
        typeThenEnter(robot, "#approval-pin", "9999");
        waitUntil(() -> !line.viewModel().approvals().working().get()
                && line.viewModel().approvals().notice().get() != null
                && line.viewModel().approvals().notice().get().key().startsWith("login"));
        assertThat(shown(robot, "#approval-dialog")).isTrue();
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
        robot.interact(() -> line.viewModel().approvals().operatorNumber().set(""));
        robot.interact(() -> robot.lookup("#approval-number").query().requestFocus());
        approveAsSupervisor(robot);

        waitUntil(() -> terminal.journal().lastSeq() == 2 && line.viewModel().notice().get() != null);
        assertThat(text(robot, "#serving-notice")).isEqualTo("流水 1 已退款：退回 ¥10.00（退款流水 2）");
        assertThat(shown(robot, "#approval-dialog")).isFalse();
        assertThat(line.isShowing()).isTrue();
        assertThat(terminal.journal().read(2, 1).get(0).kind()).isEqualTo(EntryKind.MEAL_REFUND);
        assertThat(terminal.canteen().mealStore().find(java.util.UUID.fromString(meal.txnId())).orElseThrow()
                .refunded()).isTrue();
        assertThat(terminal.canteen().diners().byDinerId("L001").orElseThrow().subsidy().fen())
                .as("the subsidy part came back").isEqualTo(balanceBefore + 1000);
    }

    @Test
    void dishesArePickedByNumberKeysWhenTheLunchIsPricedByDish(FxRobot robot) throws Exception {
        terminal.canteen().rules().setPrice("午餐", "STAFF", Optional.empty(), new java.util.TreeMap<>(), "test");
        terminal.canteen().rules().setDish("午餐", 1, "红烧肉", org.tongpos.app.money.domain.Money.parseYuan("8"),
                "test");
        terminal.canteen().rules().setDish("午餐", 4, "米饭", org.tongpos.app.money.domain.Money.parseYuan("0.5"),
                "test");
        robot.interact(() -> line.viewModel().refresh());
        waitUntil(() -> !line.viewModel().header().get().menu().isEmpty());
        assertThat(text(robot, "#serving-menu")).isEqualTo("今日菜单（先按菜号，再刷卡）：1 红烧肉 ¥8.00   4 米饭 ¥0.50");
        assertThat(focusOwner().getId()).isEqualTo("serving-input");

        burst(robot, "7", false);
        waitUntil(() -> "7".equals(line.view().input().getText()));
        assertThat(text(robot, "#serving-picked")).isEqualTo("菜单上没有：7");
        press(robot, KeyCode.BACK_SPACE);
        burst(robot, "1 4", false);
        waitUntil(() -> "1 4".equals(line.view().input().getText()));
        assertThat(text(robot, "#serving-picked")).isEqualTo("已选：红烧肉 + 米饭 = ¥8.50");

        SimulatedCardReader reader = (SimulatedCardReader) terminal.devices().cardReader().orElseThrow();
        reader.presentMealCard(SimulatedCardReader.DEMO_MEAL_CARDS.get(0));
        waitUntil(() -> line.viewModel().result().get() != null && !line.viewModel().working().get());
        assertThat(line.viewModel().result().get().isServed()).as(line.viewModel().result().get().toString()).isTrue();
        assertThat(text(robot, "#serving-verdict")).isEqualTo("收费成功 ¥8.50");
        assertThat(line.view().input().getText()).as("the dishes go with that meal only").isEmpty();
        assertThat(robot.lookup("#serving-picked").query().isVisible()).isFalse();
    }
}
