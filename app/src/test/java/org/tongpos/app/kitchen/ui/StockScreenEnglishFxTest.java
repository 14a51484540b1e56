package org.tongpos.app.kitchen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.Terminal;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.settings.domain.SettingKey;

/**
 * The stock screen on a terminal set to English, opened from the status bar's button: every text is English, and a
 * stock count typed by keys shows its variance as it is typed, is refused in English without a reason, and is
 * recorded with one. {@code -Dtongpos.screenshots=DIR} saves {@code stock-en.png} and {@code stock-count-en.png}.
 */
class StockScreenEnglishFxTest extends StockScreenTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected void configure(Terminal opened) {
        opened.settings().set(SettingKey.LOCALE, "en");
    }

    @Test
    void aCountTypedByKeysShowsItsVarianceAndSaysInEnglishWhatIsMissing(FxRobot robot) throws Exception {
        logInAsManager(robot);
        assertThat(robot.lookup("#stock-open").queryButton().getText()).isEqualTo("Stock Shift+F7");
        robot.clickOn("#stock-open");
        StockViewModel vm = waitForRows();
        assertThat(table(robot).getColumns()).extracting(TableColumn::getText).containsExactly("Code", "Name",
                "Unit", "On hand", "Value (yuan)", "Low level", "Supplier");
        assertThat(text(robot, "#stock-summary")).startsWith("6 items shown, worth ").endsWith("; 1 low (in red)");

        press(robot, KeyCode.END);
        press(robot, KeyCode.F3);
        waitUntil(() -> robot.lookup("#stock-form").tryQuery().isPresent());
        assertThat(text(robot, "#stock-item-name")).isEqualTo("东北大米: 100 kg on the books");
        type(robot, "#stock-quantity", "98.5");
        assertThat(text(robot, "#stock-variance")).isEqualTo("Variance -1.5 kg");
        saveScreenshotIfAsked("stock-count-en.png");

        burst(robot, "", true);
        waitUntil(() -> vm.notice().get() != null && vm.notice().get().isError());
        assertThat(text(robot, "#stock-form-notice")).isEqualTo("A count with a variance, or waste, needs a reason.");
        assertThat(row(vm, "RICE").onHandMilli()).isEqualTo(100_000);

        press(robot, KeyCode.TAB);
        assertThat(focusOwner().getId()).isEqualTo("stock-reason");
        type(robot, "#stock-reason", "spilt");
        burst(robot, "", true);
        waitUntil(() -> vm.form().kind().get() == StockForm.Kind.NONE && !vm.busy().get()
                && row(vm, "RICE").onHandMilli() == 98_500);
        assertThat(text(robot, "#stock-notice")).isEqualTo("Counted 东北大米: variance -1.5 kg.");
        assertThat(table(robot).getItems()).extracting(StockLevel::onHandMilli).contains(98_500L);
        saveScreenshotIfAsked("stock-en.png");
    }
}
