package org.tongpos.app.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.operators.ui.ScreenKeys.focus;
import static org.tongpos.app.operators.ui.ScreenKeys.showing;
import static org.tongpos.app.operators.ui.ScreenKeys.text;
import static org.tongpos.app.operators.ui.ScreenKeys.type;
import static org.tongpos.app.operators.ui.ScreenKeys.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.FxTaskRunner;
import org.tongpos.app.TerminalFixture;
import org.tongpos.testkit.MutableClock;

/**
 * The log-in and lock screen driven by keys (and the touch pad), on a terminal with the demo operators and no
 * automatic log-in, and a clock the test moves for the idle lock.
 */
@ExtendWith(ApplicationExtension.class)
class LoginScreenFxTest {

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T03:00:00Z"));
    private Terminal terminal;
    private FxTaskRunner tasks;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        terminal = TerminalFixture.openWithDemoCatalog(directory, clock);
        terminal.settings().set(SettingKey.LOGIN_AUTO, "");
        terminal.settings().set(SettingKey.LOCK_IDLE_MINUTES, "10");
        tasks = new FxTaskRunner();
        CashierWindow window = CashierWindow.load(terminal, tasks);
        stage.setScene(window.createScene(1260, 760));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        terminal.close();
    }

    private void logIn(FxRobot robot, String number, String pin) {
        type(robot, stage.getScene(), number);
        robot.type(KeyCode.ENTER);
        assertThat(focus(stage.getScene())).as("Enter goes on to the PIN").isSameAs(robot.lookup("#login-pin").query());
        type(robot, stage.getScene(), pin);
        robot.type(KeyCode.ENTER);
    }

    private List<AuditRecord> audit() {
        return terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1));
    }

    @Test
    void nobodyWorksTheTillBeforeLoggingInWithNumberAndPin(FxRobot robot) {
        assertThat(showing(robot, "#login-screen")).isTrue();
        assertThat(text(robot, "#login-title")).isEqualTo("请登录");
        assertThat(focus(stage.getScene())).isSameAs(robot.lookup("#login-number").query());
        robot.type(KeyCode.F12);
        robot.type(KeyCode.F9);
        assertThat(showing(robot, "#login-screen")).as("no till or other screen key works").isTrue();

        logIn(robot, "001", "1111");

        waitUntil(() -> showing(robot, "#code-field"));
        assertThat(showing(robot, "#login-screen")).isFalse();
        assertThat(text(robot, "#operator-badge")).isEqualTo("收银员 001 王芳");
        assertThat(focus(stage.getScene())).isSameAs(robot.lookup("#code-field").query());
        assertThat(audit().get(audit().size() - 1).action()).isEqualTo(AuditAction.LOGIN);
    }

    @Test
    void fiveWrongPinsLockTheOperatorOutAndTheRightPinThenIsRefusedToo(FxRobot robot) {
        String until = LoginViewModelTest.lockoutEnd(terminal);
        type(robot, stage.getScene(), "001");
        robot.type(KeyCode.ENTER);
        for (int attempt = 1; attempt <= 5; attempt++) {
            type(robot, stage.getScene(), "9999");
            robot.type(KeyCode.ENTER);
            int left = 5 - attempt;
            waitUntil(() -> text(robot, "#login-notice").equals(left > 0 ? "密码不正确，还可尝试 " + left + " 次。"
                    : "工号 001 因密码错误次数过多已锁定，请在 " + until + " 以后再试，或请店长重设密码。"));
        }

        type(robot, stage.getScene(), "1111");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#login-notice").startsWith("工号 001 因密码错误次数过多已锁定"));
        assertThat(showing(robot, "#login-screen")).isTrue();
        assertThat(audit()).extracting(AuditRecord::action).contains(AuditAction.LOCKED_OUT);
    }

    @Test
    void ctrlLLocksTheScreenAndThePinUnlocksItKeepingTheSale(FxRobot robot) {
        logIn(robot, "001", "1111");
        waitUntil(() -> showing(robot, "#code-field"));
        ScreenKeys.scan(robot, stage.getScene(), DemoCatalog.stapleBarcode(0));

        robot.push(KeyCode.CONTROL, KeyCode.L);

        waitUntil(() -> showing(robot, "#login-screen"));
        assertThat(text(robot, "#login-title")).isEqualTo("屏幕已锁定");
        assertThat(text(robot, "#login-subtitle")).startsWith("锁定前：收银员 001 王芳");
        assertThat(focus(stage.getScene())).as("the number is filled in").isSameAs(robot.lookup("#login-pin").query());
        ScreenKeys.scan(robot, stage.getScene(), DemoCatalog.stapleBarcode(2));
        type(robot, stage.getScene(), "1111");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> showing(robot, "#code-field"));
        assertThat(robot.lookup("#cart-table").queryAs(TableView.class).getItems())
                .as("the sale is kept; the scan on the lock screen went nowhere").hasSize(1);
        assertThat(audit()).extracting(AuditRecord::action).containsSubsequence(AuditAction.LOGIN, AuditAction.LOCK,
                AuditAction.UNLOCK);
    }

    @Test
    void theScreenLocksItselfAfterTheIdleTime(FxRobot robot) {
        logIn(robot, "002", "2222");
        waitUntil(() -> showing(robot, "#code-field"));

        clock.advance(Duration.ofMinutes(9));
        robot.sleep(1500);
        assertThat(showing(robot, "#login-screen")).as("not yet").isFalse();
        clock.advance(Duration.ofMinutes(1));

        waitUntil(() -> showing(robot, "#login-screen"));
        assertThat(text(robot, "#login-title")).isEqualTo("屏幕已锁定");
        AuditRecord lock = audit().stream().filter(r -> r.action() == AuditAction.LOCK).findFirst().orElseThrow();
        assertThat(lock.detail()).isEqualTo("idle");
        assertThat(lock.actor()).isEqualTo("002");
    }

    @Test
    void theTouchPadEntersNumberAndPin(FxRobot robot) {
        for (String key : new String[] {"0", "0", "3"}) {
            robot.clickOn("#pin-key-" + key);
        }
        robot.clickOn("#login-pin");
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#pin-key-3");
        }
        robot.clickOn("#login-confirm");

        waitUntil(() -> showing(robot, "#code-field"));
        assertThat(text(robot, "#operator-badge")).isEqualTo("店长 003 赵敏");
    }
}
