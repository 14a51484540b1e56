package org.tongpos.app.backup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Version;
import org.tongpos.app.backup.service.BackupSchedule;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;

/** The status bar's backup item follows the schedule's checks; the settings dialog (F8) says the version. */
class BackupStatusFxTest extends CashierWindowTestBase {

    private BackupStatusBar bar;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected void addExtensions(CashierWindow window) {
        bar = new BackupStatusBar(terminal.clock().getZone(), Runnable::run);
        window.addExtension(bar);
    }

    @Test
    void theStatusBarSaysWhenTheLastBackupWasMadeAndWarnsWhenThereIsNone(FxRobot robot) throws Exception {
        Path folder = Path.of("/media/usb");
        robot.interact(() -> bar.show(new BackupSchedule.Status(folder, Optional.empty(), true, true,
                Optional.empty())));
        Label label = robot.lookup("#backup-status").queryAs(Label.class);
        assertThat(label.getText()).isEqualTo("尚无备份");
        assertThat(label.getStyleClass()).contains("notice-error");

        robot.interact(() -> bar.show(new BackupSchedule.Status(folder,
                Optional.of(Instant.parse("2026-11-30T03:00:00Z")), false, true, Optional.empty())));
        assertThat(label.getText()).isEqualTo("备份 11-30 11:00");
        assertThat(label.getStyleClass()).contains("notice-info").doesNotContain("notice-error");
    }

    @Test
    void theSettingsDialogShowsTheVersion(FxRobot robot) {
        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#about-version").queryAs(Label.class).getText()).startsWith("关于：" + Version.TEXT)
                .contains("Java ");
    }
}
