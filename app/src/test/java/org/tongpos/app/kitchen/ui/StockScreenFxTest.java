package org.tongpos.app.kitchen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.reports.service.ReportTables;
import org.tongpos.app.settings.domain.SettingKey;

/**
 * The owner's stock screen in the cashier window, driven by keys as the manager would: Shift+F7 opens it, F2 receives
 * a purchase typed into the form and the row changes by what the service recorded, bad input says why and changes
 * nothing, F8 shows the low items only, Ctrl+F filters, the dashboard's button opens it too, Esc goes back to the till.
 * {@code -Dtongpos.screenshots=DIR} saves {@code DIR/stock.png} (for the docs).
 */
class StockScreenFxTest extends StockScreenTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Test
    void shiftF7OpensTheScreenAndAPurchaseReceivedByKeysChangesItsRow(FxRobot robot) throws Exception {
        logInAsManager(robot);
        shiftF7(robot);
        assertThat(scene.getRoot().getId()).isEqualTo("stock-screen");
        StockViewModel vm = waitForRows();
        TableView<StockLevel> table = table(robot);
        assertThat(table.getItems()).extracting(StockLevel::code).containsExactlyElementsOf(CODES);
        StockLevel before = row(vm, "RICE");
        assertThat(before.onHandMilli()).isEqualTo(100_000);

        // the table has the focus, its first row selected: End to the rice (the last row), F2, then the form by keys
        assertThat(focusOwner()).isSameAs(table);
        press(robot, KeyCode.END);
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(before);
        press(robot, KeyCode.F2);
        waitUntil(() -> robot.lookup("#stock-form").tryQuery().isPresent());
        assertThat(robot.lookup("#stock-item").queryAs(TextField.class).getText()).isEqualTo("RICE");
        assertThat(focusOwner().getId()).isEqualTo("stock-quantity");
        type(robot, "#stock-quantity", "25");
        press(robot, KeyCode.TAB);
        type(robot, "#stock-unit-price", "4.20");
        saveScreenshotIfAsked("stock-receive.png");
        burst(robot, "", true);
        waitUntil(() -> vm.form().kind().get() == StockForm.Kind.NONE && !vm.busy().get()
                && row(vm, "RICE").onHandMilli() == 125_000);

        StockLevel after = row(vm, "RICE");
        assertThat(after.valueFen()).isEqualTo(before.valueFen() + 10_500); // 25 kg × 4.20
        assertThat(table.getItems()).contains(after);
        assertThat(text(robot, "#stock-notice")).isEqualTo("已入库 东北大米 25 kg，金额 105.00 元。");
        assertThat(terminal.kitchen().levels(terminal.systemSession())).contains(after);
        saveScreenshotIfAsked("stock.png");

        // bad input: the form says why in Chinese and nothing is recorded
        press(robot, KeyCode.F2);
        waitUntil(() -> robot.lookup("#stock-form").tryQuery().isPresent());
        type(robot, "#stock-quantity", "abc");
        burst(robot, "", true);
        waitUntil(() -> vm.notice().get() != null && vm.notice().get().isError());
        assertThat(text(robot, "#stock-form-notice")).isEqualTo("数量无效：abc（须为正数，最多三位小数）。");
        press(robot, KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#stock-form").tryQuery().isEmpty());
        assertThat(scene.getRoot().getId()).as("Esc closes the form, not the screen").isEqualTo("stock-screen");
        assertThat(row(vm, "RICE")).isEqualTo(after);

        press(robot, KeyCode.ESCAPE);
        assertThat(screens.isShowing()).isFalse();
        assertThat(focusOwner()).isSameAs(window.view().codeField());
    }

    @Test
    void f8ShowsTheLowItemsOnlyAndCtrlFFilters(FxRobot robot) throws Exception {
        logInAsManager(robot);
        shiftF7(robot);
        StockViewModel vm = waitForRows();
        TableView<StockLevel> table = table(robot);

        press(robot, KeyCode.F8);
        assertThat(robot.lookup("#stock-low-only").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(table.getItems()).extracting(StockLevel::code).containsExactly("FLOUR");
        assertThat(table.getItems()).allMatch(StockLevel::low);
        press(robot, KeyCode.F8);
        assertThat(table.getItems()).hasSize(CODES.size());

        robot.interact(() -> robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focusOwner().getId()).isEqualTo("stock-filter");
        type(robot, "#stock-filter", "粮油");
        assertThat(table.getItems()).extracting(StockLevel::code).containsExactly("FLOUR", "RICE");
        assertThat(robot.lookup("#stock-summary").queryAs(Label.class).getText())
                .isEqualTo("显示 2 项，库存金额 " + ReportTables.yuan(
                        row(vm, "FLOUR").valueFen() + row(vm, "RICE").valueFen()) + " 元（按成本）；低库存 1 项（红色）");
    }

    @Test
    void f9ExportsTheRowsShownAndDoesNotOpenTheBanksScreen(FxRobot robot) throws Exception {
        logInAsManager(robot);
        shiftF7(robot);
        StockViewModel vm = waitForRows();
        press(robot, KeyCode.F8);
        press(robot, KeyCode.F9);
        java.nio.file.Path csv = directory.resolve("exports").resolve("stock-2026-11-30.csv");
        waitUntil(() -> java.nio.file.Files.exists(csv) && !vm.busy().get());
        assertThat(scene.getRoot().getId()).isEqualTo("stock-screen");
        assertThat(java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly(org.tongpos.app.reports.service.CsvExport.BOM + "低库存（不高于预警量）",
                        "编码,名称,单位,库存,库存金额（元）,预警量,低于下限,供应商", "FLOUR,富强面粉,kg,15,54.00,20,是,粮油公司",
                        "合计,,,,54.00,,,");
        assertThat(text(robot, "#stock-notice")).isEqualTo("已导出：" + csv.toAbsolutePath());
    }

    @Test
    void theScreenFollowsItsKeyWhenTheSettingIsRebound(FxRobot robot) throws Exception {
        logInAsManager(robot);
        robot.interact(() -> screens.useKeys(java.util.Map.of(SettingKey.KEY_STOCK.key(),
                new KeyCodeCombination(KeyCode.F10))));
        shiftF7(robot);
        assertThat(screens.isShowing()).isFalse();
        press(robot, KeyCode.F10);
        assertThat(screens.isShowing()).isTrue();
        assertThat(screens.menuText(terminal.messages())).isEqualTo("库存 F10");
        press(robot, KeyCode.F10);
        assertThat(screens.isShowing()).as("its key closes it too").isFalse();
    }

    @Test
    void theDashboardsStockButtonOpensTheScreen(FxRobot robot) throws Exception {
        logInAsManager(robot);
        robot.interact(() -> robot.press(KeyCode.SHIFT, KeyCode.F9).release(KeyCode.F9, KeyCode.SHIFT));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getId()).isEqualTo("dashboard");
        assertThat(robot.lookup("#dash-stock").queryButton().getText()).isEqualTo("库存 Shift+F7");

        robot.clickOn("#dash-stock");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getId()).isEqualTo("stock-screen");
        assertThat(dashboard.isShowing()).isFalse();
        waitForRows();
        press(robot, KeyCode.ESCAPE);
        assertThat(scene.getRoot().getId()).isNotEqualTo("stock-screen");
        assertThat(focusOwner()).isSameAs(window.view().codeField());
    }
}
