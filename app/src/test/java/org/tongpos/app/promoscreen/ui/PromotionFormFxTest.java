package org.tongpos.app.promoscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.TillScreensSupport;
import org.tongpos.app.ui.TillScreensTestBase;

/**
 * The promotion form by keys at the open till, the cashier logged in: Ctrl+M, Insert, 第二件半价 typed into the form
 * (the kind chosen with the arrow keys, the dates typed into the date pickers through the till's scanner-aware
 * keyboard), the cola scanned onto it; a mistake is said at its field and nothing is saved; F12 asks for the
 * manager's number and PIN; then two colas scanned at the till show the discount line.
 */
class PromotionFormFxTest extends TillScreensTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected void addExtensions(CashierWindow cashierWindow) {
        super.addExtensions(cashierWindow);
        cashierWindow.addExtension(PromotionsTill.forWindow(terminal, cashierWindow.viewModel(),
                cashierWindow.operatorGate(), tasks, UiSettings.load(terminal.settings()).commandKeyBindings()));
    }

    private void ctrlM(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void focus(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup(query).query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }

    private static List<String> lineDiscounts(FxRobot robot) {
        return robot.lookup(".line-discount").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void secondAtHalfPriceMadeOnTheFormDiscountsTheSecondColaScanned(FxRobot robot) throws TimeoutException {
        ctrlM(robot);
        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isPresent());
        robot.type(KeyCode.INSERT);
        waitUntil(() -> robot.lookup("#promo-edit-dialog").tryQuery().isPresent()
                && focusOwner() == robot.lookup("#promo-form-id").query());

        TillScreensSupport.typeSlowly(robot, scene, "COLA-2ND");
        robot.type(KeyCode.TAB);
        TillScreensSupport.typeSlowly(robot, scene, "可乐第二件半价");
        assertThat(field(robot, "#promo-form-name")).isEqualTo("可乐第二件半价");
        robot.type(KeyCode.TAB);
        assertThat(focusOwner()).isSameAs(robot.lookup("#promo-form-kind").query());
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.DOWN);
        }
        @SuppressWarnings("unchecked")
        ComboBox<PromotionKind> kind = robot.lookup("#promo-form-kind").queryAs(ComboBox.class);
        waitUntil(() -> kind.getValue() == PromotionKind.NTH_PERCENT);
        waitUntil(() -> robot.lookup("#promo-form-buy").query().isVisible()
                && robot.lookup("#promo-form-price").tryQuery().isEmpty());

        scan(robot, TerminalFixture.COLA);
        waitUntil(() -> robot.lookup("#promo-form-goods").queryListView().getItems().size() == 1);
        assertThat(robot.lookup("#promo-form-goods").queryListView().getItems().get(0).toString())
                .startsWith(TerminalFixture.COLA).contains("可乐");

        focus(robot, "#promo-form-buy");
        TillScreensSupport.typeSlowly(robot, scene, "2");
        robot.type(KeyCode.TAB);
        assertThat(focusOwner()).isSameAs(robot.lookup("#promo-form-percent").query());
        TillScreensSupport.typeSlowly(robot, scene, "50");
        focus(robot, "#promo-form-date-from");
        TillScreensSupport.typeSlowly(robot, scene, "2026-11-01");
        DatePicker from = robot.lookup("#promo-form-date-from").queryAs(DatePicker.class);
        assertThat(from.getEditor().getText()).as("typing reaches the date picker").isEqualTo("2026-11-01");
        focus(robot, "#promo-form-date-to");
        TillScreensSupport.typeSlowly(robot, scene, "2026-12-31");
        DatePicker to = robot.lookup("#promo-form-date-to").queryAs(DatePicker.class);
        robot.interact(to::show); // the calendar open: Esc closes it and stays on the form
        assertThat(to.isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !to.isShowing());
        assertThat(robot.lookup("#promo-edit-dialog").tryQuery()).isPresent();
        assertThat(to.getEditor().getText()).isEqualTo("2026-12-31");
        robot.type(KeyCode.TAB);
        TillScreensSupport.snapshot(scene, "promo-form-filled");

        focus(robot, "#promo-form-percent"); // a letter O for the zero
        robot.type(KeyCode.END);
        robot.type(KeyCode.BACK_SPACE);
        TillScreensSupport.typeSlowly(robot, scene, "O");
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup("#promo-problems").queryAs(TextArea.class).getText()
                .contains("优惠百分比：“5O”不是整数"));
        assertThat(robot.lookup("#promo-form-percent").query().getStyleClass())
                .contains(PromotionFormView.FIELD_ERROR);
        assertThat(robot.lookup("#approval-dialog").tryQuery()).isEmpty();
        assertThat(terminal.promotions().promotions().all()).isEmpty();
        TillScreensSupport.snapshot(scene, "promo-form-errors");

        robot.type(KeyCode.BACK_SPACE);
        TillScreensSupport.typeSlowly(robot, scene, "0");
        assertThat(field(robot, "#promo-form-percent")).isEqualTo("50");
        assertThat(robot.lookup("#promo-form-percent").query().getStyleClass()).as("corrected")
                .doesNotContain(PromotionFormView.FIELD_ERROR);
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup("#approval-dialog").tryQuery().isPresent()
                && focusOwner() == robot.lookup("#approval-number").query());
        TillScreensSupport.typeSlowly(robot, scene, "003");
        robot.type(KeyCode.ENTER);
        TillScreensSupport.typeSlowly(robot, scene, "3333");
        TillScreensSupport.snapshot(scene, "promo-form-approval");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isPresent()
                && robot.lookup("#promo-list").queryTableView().getItems().size() == 1);
        Promotion saved = terminal.promotions().promotions().find("COLA-2ND").orElseThrow();
        assertThat(saved.name()).isEqualTo("可乐第二件半价");
        assertThat(saved.kind()).isEqualTo(PromotionKind.NTH_PERCENT);
        assertThat(saved.terms().buyQty()).isEqualTo(2);
        assertThat(saved.terms().percent()).isEqualTo(50);
        assertThat(saved.conditions().window().from()).contains(LocalDate.of(2026, 11, 1));
        assertThat(saved.conditions().window().to()).contains(LocalDate.of(2026, 12, 31));
        List<AuditRecord> changes = terminal.operators().audit().list(terminal.systemSession(),
                LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)).stream()
                .filter(r -> r.action() == AuditAction.PROMOTION_CHANGED).toList();
        assertThat(changes).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("001");
            assertThat(r.approver()).isEqualTo("003");
        });
        TillScreensSupport.snapshot(scene, "promo-form-list");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isEmpty());
        scan(robot, TerminalFixture.COLA);
        scan(robot, TerminalFixture.COLA);
        waitUntil(() -> lineDiscounts(robot).contains("可乐第二件半价 -1.50"));
        assertThat(text(robot, "#total-amount")).isEqualTo("￥4.50");
        TillScreensSupport.snapshot(scene, "promo-form-till");
    }
}
