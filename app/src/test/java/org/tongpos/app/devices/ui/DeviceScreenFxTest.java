package org.tongpos.app.devices.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.hardware.sim.SimulatedPrinter;
import org.tongpos.hardware.sim.SimulatedScanner;

/**
 * The cashier window with the terminal's (simulated) devices: status bar, serial scans, receipt preview, the device
 * screen on its key (F7 unless rebound), reprint on its key.
 */
class DeviceScreenFxTest extends CashierWindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        window.addExtension(DeviceTill.forWindow(terminal, window.viewModel(), window::scanned));
    }

    @Test
    void scannerScansGoIntoTheSaleAndTheReceiptPreviewIsWhatPrinted(FxRobot robot) throws Exception {
        assertThat(text(robot, "#status-device-printer .device-health")).contains("正常");
        SimulatedScanner scanner = (SimulatedScanner) terminal.devices().scanner().orElseThrow();

        scanner.scan(DemoCatalog.stapleBarcode(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> cartLines(robot).size() == 1);
        scanner.scan("281234567890123456");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#notice").contains("支付宝付款码"));
        assertThat(cartLines(robot)).hasSize(1);

        robot.type(KeyCode.F12);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        ScrollPane printed = robot.lookup("#receipt-printed").queryAs(ScrollPane.class);
        assertThat(printed.isVisible()).isTrue();
        assertThat(robot.lookup("#receipt-image").queryAs(ImageView.class).getImage()).isNotNull();
        SimulatedPrinter printer = (SimulatedPrinter) terminal.devices().printer().orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> printer.jobs().size() == 1);
        assertThat(printer.drawerOpenings()).isEqualTo(1);
        assertThat(robot.lookup("#receipt-reprint").queryAs(Button.class).getText()).isEqualTo("重打小票（Ctrl+P）");

        robot.press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> printer.jobs().size() == 2);
        assertThat(printer.drawerOpenings()).as("a reprint never opens the drawer").isEqualTo(1);
    }

    @Test
    void f7OpensTheDeviceScreenWithLiveStateAndTestsEscGoesBack(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#status-devices").queryAs(Button.class).getText()).isEqualTo("F7  设备");
        robot.type(KeyCode.F7);
        assertThat(robot.lookup("#device-settings").tryQuery()).isPresent();
        assertThat(robot.lookup("#device-settings .dialog-title").queryAs(Label.class).getText()).isEqualTo("设备（F7）");
        assertThat(robot.lookup("#device-address-printer").queryAs(TextField.class).getText()).isEqualTo("sim:");
        assertThat(text(robot, "#device-state-scale")).contains("未配置");

        robot.clickOn("#device-test-print");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#devices-notice").contains("测试页已打印"));

        SimulatedScanner scanner = (SimulatedScanner) terminal.devices().scanner().orElseThrow();
        scanner.scan(DemoCatalog.stapleBarcode(0));
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#device-settings").tryQuery()).isEmpty();
        assertThat(cartLines(robot))
                .as("a scan while the device screen showed was not added").isEmpty();

        robot.clickOn("#status-devices");
        assertThat(robot.lookup("#device-settings").tryQuery()).as("the status bar button opens it too").isPresent();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#device-settings").tryQuery()).isEmpty();
    }

    @Test
    void deviceAndReprintKeysReboundInTheSettingsDialogWorkAtOnceAndShowOnScreen(FxRobot robot) throws Exception {
        robot.type(KeyCode.F8);
        assertThat(robot.lookup("#key-devices").queryAs(TextField.class).getText()).isEqualTo("F7");
        assertThat(robot.lookup("#key-reprint").queryAs(TextField.class).getText()).isEqualTo("Ctrl+P");
        robot.clickOn("#key-devices");
        robot.type(KeyCode.F11);
        robot.clickOn("#key-reprint");
        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#key-reprint").queryAs(TextField.class).getText()).isEqualTo("Ctrl+R");
        robot.type(KeyCode.ENTER);
        // saving runs off the FX thread; the screen is drawn again once it is done
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#settings-dialog").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#status-devices").queryAs(Button.class).getText()).isEqualTo("F11  设备");
        robot.type(KeyCode.F7);
        assertThat(robot.lookup("#device-settings").tryQuery()).as("the old key does nothing").isEmpty();
        robot.type(KeyCode.F11);
        assertThat(robot.lookup("#device-settings").tryQuery()).isPresent();
        assertThat(robot.lookup("#device-settings .dialog-title").queryAs(Label.class).getText()).isEqualTo("设备（F11）");
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#device-settings").tryQuery()).isEmpty();

        SimulatedScanner scanner = (SimulatedScanner) terminal.devices().scanner().orElseThrow();
        scanner.scan(DemoCatalog.stapleBarcode(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> cartLines(robot).size() == 1);
        robot.type(KeyCode.F12);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#receipt-reprint").queryAs(Button.class).getText()).isEqualTo("重打小票（Ctrl+R）");
        SimulatedPrinter printer = (SimulatedPrinter) terminal.devices().printer().orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> printer.jobs().size() == 1);

        robot.press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> printer.jobs().size() == 2);
        Thread.sleep(300);
        assertThat(printer.jobs()).as("Ctrl+P no longer reprints; Ctrl+R does, once").hasSize(2);
    }

    @Test
    void aPrinterOutOfPaperSaysSoInChineseInTheStatusBar(FxRobot robot) throws Exception {
        SimulatedPrinter printer = (SimulatedPrinter) terminal.devices().printer().orElseThrow();
        printer.setPaperOut(true);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#status-device-printer .device-health")
                .contains("故障"));
        WaitForAsyncUtils.waitForFxEvents();
        Label health = robot.lookup("#status-device-printer .device-health").queryAs(Label.class);
        assertThat(health.getTooltip().getText()).isEqualTo("缺纸");
        assertThat(health.getAccessibleText()).isEqualTo("故障 缺纸");

        SimulatedScanner scanner = (SimulatedScanner) terminal.devices().scanner().orElseThrow();
        scanner.scan(DemoCatalog.stapleBarcode(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> cartLines(robot).size() == 1);
        robot.type(KeyCode.F12);
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#status-print-failed").endsWith("未打印：缺纸"));
        assertThat(text(robot, "#status-print-failed")).matches("小票 \\S+ 未打印：缺纸");
    }

    @Test
    void aPrinterFaultAndItsEndPopUpAsAlertsOverTheTill(FxRobot robot) throws Exception {
        SimulatedPrinter printer = (SimulatedPrinter) terminal.devices().printer().orElseThrow();
        assertThat(alertsShown()).isEmpty();

        printer.setPaperOut(true);
        waitForAlert("打印机故障：缺纸");
        assertThat(focusOwner()).as("an alert never takes the scanner's focus")
                .isSameAs(robot.lookup("#code-field").query());

        printer.setPaperOut(false);
        waitForAlert("打印机已恢复正常");
    }
}
