package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpos.app.ui.TillScreensSupport.snapshot;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.TillScreensSupport;

/** Delete asks why: a listed reason by its number and Enter; Esc keeps the line. */
class VoidReasonFxTest extends CashierWindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Test
    void deleteAsksWhyAndTheListedReasonIsRecorded(FxRobot robot) throws TimeoutException {
        scan(robot, TerminalFixture.COLA);
        scan(robot, TerminalFixture.PEPSI);

        robot.type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#void-reason-dialog").tryQuery().isPresent());
        assertThat(focusOwner()).isSameAs(robot.lookup("#void-reason").query());
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#void-reason-dialog").tryQuery()).isEmpty();
        assertThat(cartLines(robot)).hasSize(2);

        robot.type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#void-reason-dialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#void-notice")).isEqualTo("请填写原因，或输入原因编号后按 Enter。");
        TillScreensSupport.typeSlowly(robot, scene, "2");
        snapshot(scene, "void-reason");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> cartLines(robot).size() == 1);
        assertThat(cartLines(robot).get(0).product().name()).isEqualTo("可口可乐 330ml");
        List<AuditRecord> records = terminal.operators().audit().list(terminal.systemSession(),
                LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
        AuditRecord voided = records.get(records.size() - 1);
        assertThat(voided.action()).isEqualTo(AuditAction.VOID_LINE);
        assertThat(voided.detail()).isEqualTo("顾客不要了");
        assertThat(focusOwner()).isSameAs(robot.lookup("#code-field").query());
    }
}
