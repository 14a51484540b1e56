package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.ui.CashierWindowTestBase;

/**
 * Promotions at the till by keys: two colas of a 第二件半价 promotion show the discount under their line and the
 * discounted total, the payment takes that total, and the receipt and the journal say the same; a member entered by
 * the member key gets member prices.
 */
class PromotionsAtTheTillFxTest extends CashierWindowTestBase {

    private static final String CSV = """
            id,name,kind,target,targets,buy_qty,percent,price
            COLA-2ND,可乐第二件半价,nth_percent,product,6920000000012,2,50,
            M-PEPSI,会员价百事,member_price,product,6920000000029,,,2.50
            """;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Override
    protected Terminal openTerminal(Path directory) throws Exception {
        Terminal opened = TerminalFixture.openWithDemoCatalog(directory);
        opened.promotions().promotions().importCsv(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)),
                "test");
        opened.promotions().members().importCsv(new ByteArrayInputStream(
                "phone,card_uid,name\n13800138000,,王芳\n".getBytes(StandardCharsets.UTF_8)));
        return opened;
    }

    private static List<String> lineDiscounts(FxRobot robot) {
        return robot.lookup(".line-discount").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void twoColasShowTheSecondAtHalfPriceUnderTheirLineAndTheDiscountedTotalIsWhatIsPaid(FxRobot robot)
            throws TimeoutException {
        scan(robot, TerminalFixture.COLA);
        assertThat(lineDiscounts(robot)).isEmpty();
        assertThat(text(robot, "#total-amount")).isEqualTo("￥3.00");

        scan(robot, TerminalFixture.COLA);

        waitUntil(() -> lineDiscounts(robot).contains("可乐第二件半价 -1.50"));
        assertThat(text(robot, "#total-amount")).isEqualTo("￥4.50");
        assertThat(text(robot, "#promo-subtotal")).isEqualTo("小计 ￥6.00");
        assertThat(text(robot, "#promo-saved")).isEqualTo("共优惠 ￥1.50");

        robot.type(KeyCode.F12);
        assertThat(robot.lookup("#tendered-field").queryAs(TextField.class).getText()).isEqualTo("4.50");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        String receipt = robot.lookup("#receipt-text").queryAs(TextArea.class).getText();
        assertThat(receipt).contains("可乐第二件半价", "-1.50", "小计", "6.00", "￥4.50");
        assertThat(terminal.journal().read(1, 1).get(0).amountFen()).isEqualTo(450);

        robot.type(KeyCode.ENTER);
        assertThat(lineDiscounts(robot)).isEmpty();
        assertThat(robot.lookup("#promo-saved").tryQuery()).isEmpty();
    }

    @Test
    void theMemberKeyTakesThePhoneTypedAndMemberPricesApply(FxRobot robot) throws TimeoutException {
        scan(robot, TerminalFixture.PEPSI);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥3.00");
        assertThat(robot.lookup("#action-member").tryQuery()).as("a button with its key").isPresent();

        burst(robot, "13800138000", false);
        robot.type(KeyCode.F6);

        waitUntil(() -> robot.lookup("#member-label").tryQuery().isPresent());
        assertThat(text(robot, "#member-label")).isEqualTo("会员：王芳");
        assertThat(text(robot, "#total-amount")).isEqualTo("￥2.50");
        assertThat(lineDiscounts(robot)).containsExactly("会员价百事 -0.50");
        assertThat(robot.lookup("#code-field").queryAs(TextField.class).getText()).isEmpty();

        robot.type(KeyCode.F6);
        waitUntil(() -> robot.lookup("#member-label").tryQuery().isEmpty());
        assertThat(text(robot, "#total-amount")).isEqualTo("￥3.00");
    }
}
