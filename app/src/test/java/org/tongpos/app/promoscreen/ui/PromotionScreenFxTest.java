package org.tongpos.app.promoscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.TillScreensSupport;

/**
 * The promotions screen by keys, as a manager: a bad CSV import is refused with its line and changes nothing; a
 * promotion added on the form (the cola scanned onto it) prices the next scan of the open till; Delete switches it off
 * and the next scan pays full price again; every change is in the audit log, none asked for a PIN again. An auditor's
 * Ctrl+M is refused.
 */
class PromotionScreenFxTest extends CashierWindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected Terminal openTerminal(Path dir) throws Exception {
        Terminal opened = super.openTerminal(dir);
        opened.settings().set(SettingKey.LOGIN_AUTO, ""); // nobody logged in: each test logs in
        return opened;
    }

    @Override
    protected void addExtensions(CashierWindow cashierWindow) {
        cashierWindow.addExtension(PromotionsTill.forWindow(terminal, cashierWindow.viewModel(),
                cashierWindow.operatorGate(), tasks, UiSettings.load(terminal.settings()).commandKeyBindings()));
    }

    private void logIn(FxRobot robot, String number, String pin) throws Exception {
        var login = window.operatorGate().loginViewModel();
        robot.interact(() -> {
            login.operatorNumber().set(number);
            login.confirm();
        });
        robot.interact(() -> {
            login.pin().set(pin);
            login.confirm();
        });
        waitUntil(() -> window.operatorGate().session().get() != null
                && number.equals(window.operatorGate().session().get().recordedAs()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void ctrlM(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.M).release(KeyCode.M).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int rows(FxRobot robot) {
        return robot.lookup("#promo-list").queryTableView().getItems().size();
    }

    private long promotionChanges() {
        return terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1)).stream().filter(r -> r.action() == AuditAction.PROMOTION_CHANGED
                        && r.actor().equals("003")).count();
    }

    @Test
    void aManagerAddsAPromotionOnTheScreenAndTheNextScanUsesIt(FxRobot robot) throws Exception {
        Path bad = Files.writeString(directory.resolve("bad.csv"), "id,name,kind,target,targets,percent\n"
                + "X,ok,percent_off,product," + TerminalFixture.COLA + ",10\n"
                + "Y,bad,percent_off,product," + TerminalFixture.COLA + ",200\n", StandardCharsets.UTF_8);
        logIn(robot, "003", "3333");
        ctrlM(robot);
        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isPresent());

        robot.type(KeyCode.F3);
        waitUntil(() -> robot.lookup("#promo-import-dialog").tryQuery().isPresent());
        TillScreensSupport.typeSlowly(robot, scene, bad.toString());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#promo-problems").queryAs(TextArea.class).getText().contains("第 3 行"));
        assertThat(terminal.promotions().promotions().all()).isEmpty();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isPresent());

        robot.type(KeyCode.INSERT);
        waitUntil(() -> robot.lookup("#promo-edit-dialog").tryQuery().isPresent()
                && focusOwner() == robot.lookup("#promo-form-id").query());
        TillScreensSupport.typeSlowly(robot, scene, "COLA-10");
        robot.type(KeyCode.TAB);
        TillScreensSupport.typeSlowly(robot, scene, "Cola 10 off");
        scan(robot, TerminalFixture.COLA);
        waitUntil(() -> robot.lookup("#promo-form-goods").queryListView().getItems().size() == 1);
        robot.interact(() -> robot.lookup("#promo-form-percent").query().requestFocus());
        TillScreensSupport.typeSlowly(robot, scene, "10");
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isPresent() && rows(robot) == 1);
        assertThat(text(robot, "#promo-notice")).contains("COLA-10");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isEmpty());

        scan(robot, TerminalFixture.COLA);
        waitUntil(() -> text(robot, "#total-amount").equals("￥2.70"));

        ctrlM(robot);
        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isPresent() && rows(robot) == 1);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> !terminal.promotions().promotions().all().get(0).active());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#promo-list-dialog").tryQuery().isEmpty());
        scan(robot, TerminalFixture.COLA);
        waitUntil(() -> text(robot, "#total-amount").equals("￥6.00"));

        assertThat(promotionChanges()).isEqualTo(2);
    }

    @Test
    void anAuditorIsRefusedTheScreen(FxRobot robot) throws Exception {
        logIn(robot, "004", "4444");
        ctrlM(robot);
        waitUntil(() -> text(robot, "#notice").contains(terminal.messages().get("permission.EDIT_PROMOTIONS")));
        assertThat(robot.lookup("#promo-list-dialog").tryQuery()).isEmpty();
    }
}
