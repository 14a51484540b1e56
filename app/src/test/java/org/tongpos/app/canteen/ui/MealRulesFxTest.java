package org.tongpos.app.canteen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.hardware.sim.SimulatedCardReader;

/**
 * The meal-rules screen over the serving line, driven by keys: Ctrl+E opens it, a price is typed in the prices tab,
 * Ctrl+S asks the manager's number and PIN in place (the demo cashier 001 at the line may not change the rules), and
 * the next meal card is charged the new price. An auditor at the line sees every field disabled. Local demo diners;
 * the fixture's clock, Monday 2026-11-30 12:05 in Shanghai (lunch, ¥10 for staff).
 *
 * <p>{@code -Dtongpos.screenshots=DIR} saves the prices tab as {@code DIR/canteen-rules.png} (for the docs).
 */
class MealRulesFxTest extends CashierWindowTestBase {

    private ServingLine line;
    /** Who is at the line: the window's operator unless a test puts someone else there. */
    private final AtomicReference<Session> atTheLine = new AtomicReference<>();

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
        ServingLineViewModel vm = new ServingLineViewModel(terminal.canteen(), tasks,
                () -> atTheLine.get() != null ? atTheLine.get() : window.operatorGate().current(), terminal.clock(),
                new ApprovalViewModel(terminal.operators().approvals(), tasks, terminal.clock().getZone()));
        line = new ServingLine(vm, () -> Optional.ofNullable(window.operatorGate().session().get()),
                ServingSounds.SILENT, UiSettings.load(terminal.settings()).commandKeyBindings());
        line.listenTo(terminal.devices(), Platform::runLater);
        window.addExtension(line);
    }

    private boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().isPresent();
    }

    private void ctrl(FxRobot robot, KeyCode key) {
        robot.interact(() -> robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.interact(() -> robot.press(key).release(key));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeThenEnter(FxRobot robot, String field, String text) throws Exception {
        burst(robot, text, false);
        waitUntil(() -> text.equals(robot.lookup(field).queryAs(javafx.scene.control.TextInputControl.class)
                .getText()));
        burst(robot, "", true);
    }

    /** The row of the prices tab for {@code period} and {@code type}. */
    private int priceRow(FxRobot robot, String period, String type) {
        for (int i = 0; shown(robot, "#rules-price-period-" + i); i++) {
            if (period.equals(field(robot, "#rules-price-period-" + i).getText())
                    && type.equals(field(robot, "#rules-price-type-" + i).getText())) {
                return i;
            }
        }
        throw new AssertionError("no price row for " + period + " " + type);
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private void openPricesTab(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.E);
        waitUntil(() -> shown(robot, "#rules-dialog") && shown(robot, "#rules-price-period-0"));
        TabPane tabs = robot.lookup("#rules-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
    }

    private long serveCard() throws Exception {
        SimulatedCardReader reader = (SimulatedCardReader) terminal.devices().cardReader().orElseThrow();
        reader.presentMealCard(SimulatedCardReader.DEMO_MEAL_CARDS.get(0));
        waitUntil(() -> line.viewModel().result().get() != null && !line.viewModel().working().get());
        assertThat(line.viewModel().result().get().isServed()).as(line.viewModel().result().get().toString())
                .isTrue();
        return line.viewModel().result().get().served().orElseThrow().price().fen();
    }

    @Test
    void aPriceEditedOnTheRulesScreenWithAManagersPinIsChargedToTheNextDiner(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#serving-rules").queryButton().getText()).isEqualTo("Ctrl+E  餐规设置");
        openPricesTab(robot);
        assertThat(robot.lookup("#rules-read-only").query().isVisible()).isFalse();
        int row = priceRow(robot, "午餐", "STAFF");
        TextField price = field(robot, "#rules-price-yuan-" + row);
        assertThat(price.getText()).isEqualTo("10.00");
        assertThat(price.isDisabled()).isFalse();
        saveScreenshotIfAsked();

        robot.interact(() -> {
            price.requestFocus();
            price.selectAll();
        });
        burst(robot, "12", false);
        waitUntil(() -> "12".equals(price.getText()));
        ctrl(robot, KeyCode.S);

        waitUntil(() -> shown(robot, "#approval-dialog") && focusOwner() != null
                && "approval-number".equals(focusOwner().getId()));
        assertThat(shown(robot, "#rules-dialog")).as("the prompt takes the screen's place").isFalse();
        typeThenEnter(robot, "#approval-number", "003");
        waitUntil(() -> "approval-pin".equals(focusOwner().getId()));
        typeThenEnter(robot, "#approval-pin", "3333");

        waitUntil(() -> shown(robot, "#rules-dialog") && text(robot, "#rules-notice").startsWith("已保存"));
        assertThat(text(robot, "#rules-notice")).isEqualTo("已保存 1 项修改，授权人 003（已记入审计日志）");
        assertThat(terminal.canteen().rules().rules().price("午餐", "STAFF").orElseThrow().fixed().orElseThrow()
                .fen()).isEqualTo(1200);
        AuditRecord change = terminal.operators().audit().list(terminal.systemSession(),
                        java.time.LocalDate.of(2026, 11, 30), java.time.LocalDate.of(2026, 11, 30)).stream()
                .filter(r -> r.action() == AuditAction.MEAL_RULE_CHANGED).reduce((a, b) -> b).orElseThrow();
        assertThat(change.subject()).isEqualTo("price 午餐 STAFF");
        assertThat(change.approver()).isEqualTo("003");

        press(robot, KeyCode.ESCAPE);
        waitUntil(() -> !shown(robot, "#rules-dialog"));
        assertThat(line.isShowing()).isTrue();
        waitUntil(() -> text(robot, "#serving-prices").contains("¥12.00"));
        assertThat(serveCard()).as("the next meal decision uses the new price").isEqualTo(1200);
        assertThat(text(robot, "#serving-verdict")).isEqualTo("收费成功 ¥12.00");
    }

    @Test
    void anAuditorSeesTheRulesWithEveryFieldDisabledAndCannotSave(FxRobot robot) throws Exception {
        atTheLine.set(TestSessions.demo(terminal, Role.AUDITOR));
        openPricesTab(robot);
        waitUntil(() -> robot.lookup("#rules-read-only").query().isVisible());
        int row = priceRow(robot, "午餐", "STAFF");
        assertThat(field(robot, "#rules-price-yuan-" + row).isDisabled()).isTrue();
        assertThat(field(robot, "#rules-period-window-0").isDisabled()).isTrue();
        assertThat(field(robot, "#rules-limit-daily-cap").isDisabled()).isTrue();
        assertThat(robot.lookup("#rules-save").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#rules-tab-prices-add").queryButton().isDisabled()).isTrue();

        ctrl(robot, KeyCode.S);

        assertThat(text(robot, "#rules-notice")).isEqualTo("当前操作员无权修改餐规（只读）");
        assertThat(shown(robot, "#approval-dialog")).isFalse();
        press(robot, KeyCode.ESCAPE);
        waitUntil(() -> !shown(robot, "#rules-dialog"));
        assertThat(terminal.canteen().rules().rules().price("午餐", "STAFF").orElseThrow().fixed().orElseThrow()
                .fen()).isEqualTo(1000);
    }

    private void saveScreenshotIfAsked() throws Exception {
        String target = System.getProperty("tongpos.screenshots");
        if (target == null || target.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null))
                .get(10, TimeUnit.SECONDS);
        Path file = Path.of(target).resolve("canteen-rules.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
