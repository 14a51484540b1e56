package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.ui.CashierWindowTestBase;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.sync.journal.JournalEntry;

/**
 * The cashier screen driven by keys, as a cashier and a keyboard-wedge scanner would: scans arrive as a burst of key
 * events a few microseconds apart ending in Enter; people type through the robot with pauses between keys.
 */
class CashierScreenFxTest extends CashierWindowTestBase {

    private static final String COLA = DemoCatalog.stapleBarcode(0);   // 可口可乐 330ml, 3.00
    private static final String WATER = DemoCatalog.stapleBarcode(2);  // 农夫山泉 550ml, 2.00
    /** How long a person leaves between keys here: well above the scanner's 50 ms. */
    private static final int HUMAN_GAP_MS = 90;

    @Start
    void start(Stage stage) throws Exception {
        showWindow(stage);
    }

    @Test
    void scanPayCashAndSeeTheReceiptThenNextSale(FxRobot robot) throws TimeoutException {
        scan(robot, COLA);
        scan(robot, COLA);
        assertThat(selectedRow(robot)).as("a line counted up stays selected").isZero();
        scan(robot, WATER);

        assertThat(cartLines(robot)).hasSize(2);
        assertThat(cartLines(robot).get(0).quantity()).isEqualTo(2);
        assertThat(selectedRow(robot)).as("the line just scanned is selected").isEqualTo(1);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥8.00");
        assertThat(text(robot, "#item-count")).isEqualTo("共 3 件");

        robot.type(KeyCode.F12);
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isPresent();
        assertThat(field(robot, "#tendered-field").getText()).isEqualTo("8.00");
        typeSlowly(robot, "20");
        assertThat(field(robot, "#tendered-field").getText()).isEqualTo("20");
        assertThat(text(robot, "#payment-change")).isEqualTo("￥12.00");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#receipt-dialog").tryQuery().isPresent());
        assertThat(text(robot, "#receipt-change")).isEqualTo("找零 ￥12.00");
        String receipt = robot.lookup("#receipt-text").queryAs(TextArea.class).getText();
        assertThat(receipt).contains("可口可乐 330ml", "合计:", "￥8.00", "20.00", "12.00");
        assertThat(terminal.journal().lastSeq()).isEqualTo(1);
        JournalEntry entry = terminal.journal().read(1, 1).get(0);
        assertThat(entry.amountFen()).isEqualTo(800);

        robot.type(KeyCode.ENTER);

        assertThat(robot.lookup("#receipt-dialog").tryQuery()).isEmpty();
        assertThat(cartLines(robot)).isEmpty();
        assertThat(text(robot, "#total-amount")).isEqualTo("￥0.00");
        assertThat(focusOwner()).isSameAs(field(robot, "#code-field"));
    }

    @Test
    void unknownBarcodeShowsARedMessageAndKeepsTheCart(FxRobot robot) {
        scan(robot, COLA);

        scan(robot, "6901234567892");

        Label notice = robot.lookup("#notice").queryAs(Label.class);
        assertThat(notice.getText()).isEqualTo("没有商品使用条码 6901234567892。");
        assertThat(notice.getStyleClass()).contains(NoticeLabel.ERROR);
        assertThat(cartLines(robot)).hasSize(1);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥3.00");
        assertThat(field(robot, "#code-field").getText()).isEmpty();
        assertThat(focusOwner()).isSameAs(field(robot, "#code-field"));

        scan(robot, WATER);
        assertThat(cartLines(robot)).hasSize(2);
    }

    @Test
    void statusBarShowsTheTillAndTheTerminalClockAndButtonsAreTouchSized(FxRobot robot) {
        assertThat(text(robot, "#status-time")).isEqualTo("2026-11-30 12:05:09");
        assertThat(text(robot, "#status-catalog")).isEqualTo("商品 " + TerminalFixture.PRODUCTS + " 种");
        assertThat(robot.lookup(".status-bar .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("终端 T0001", "自动登录：收银员 001 王芳", "通商便民超市");
        assertThat(robot.lookup(".action-button").queryAllAs(Button.class)).isNotEmpty()
                .allSatisfy(button -> assertThat(button.getHeight()).as(button.getText()).isGreaterThanOrEqualTo(48));
    }

    @Test
    void aScannerSendingAnAimSymbologyPrefixStillAddsTheItem(FxRobot robot) {
        scan(robot, "]E0" + COLA);

        assertThat(cartLines(robot)).extracting(l -> l.product().name()).containsExactly("可口可乐 330ml");
    }

    @Test
    void malformedBarcodeShowsAMessageAndKeepsTheCart(FxRobot robot) {
        scan(robot, "6920000000013");

        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).contains("6920000000013", "不是有效的条码");
        assertThat(cartLines(robot)).isEmpty();
    }

    @Test
    void searchByPinyinInitialsThenEnterAddsTheProduct(FxRobot robot) {
        robot.type(KeyCode.F2);
        assertThat(focusOwner()).isSameAs(field(robot, "#search-field"));

        typeSlowly(robot, "kkkl");

        assertThat(field(robot, "#search-field").getText()).isEqualTo("kkkl");
        @SuppressWarnings("unchecked")
        ListView<Product> results = robot.lookup("#search-results").queryAs(ListView.class);
        assertThat(results.getItems().get(0).name()).isEqualTo("可口可乐 330ml");
        robot.type(KeyCode.ENTER);

        assertThat(robot.lookup("#search-dialog").tryQuery()).isEmpty();
        assertThat(cartLines(robot)).extracting(l -> l.product().name()).containsExactly("可口可乐 330ml");
        assertThat(focusOwner()).isSameAs(field(robot, "#code-field"));
    }

    @Test
    void typingSlowlyIntoTheSearchFieldIsTypingNotAScan(FxRobot robot) {
        robot.type(KeyCode.F2);

        typeSlowly(robot, COLA);
        assertThat(field(robot, "#search-field").getText()).isEqualTo(COLA);
        assertThat(cartLines(robot)).as("nothing scanned").isEmpty();

        robot.type(KeyCode.ENTER);
        assertThat(cartLines(robot)).extracting(l -> l.product().name()).containsExactly("可口可乐 330ml");
    }

    @Test
    void aFastBurstWithoutEnterIsTypedIntoTheFieldOnceThePauseShowsItWasNoScan(FxRobot robot)
            throws TimeoutException {
        robot.type(KeyCode.F2);

        burst(robot, "kkkl", false);

        waitUntil(() -> "kkkl".equals(field(robot, "#search-field").getText()));
        assertThat(cartLines(robot)).isEmpty();
    }

    @Test
    void aScanWhileTheSearchFieldHasFocusGoesToTheCartNotTheField(FxRobot robot) {
        robot.type(KeyCode.F2);
        typeSlowly(robot, "bs");
        TextField searchField = field(robot, "#search-field");
        assertThat(focusOwner()).isSameAs(searchField);

        scan(robot, COLA);

        assertThat(cartLines(robot)).extracting(l -> l.product().name()).containsExactly("可口可乐 330ml");
        assertThat(searchField.getText()).isEqualTo("bs");
        assertThat(robot.lookup("#search-dialog").tryQuery()).isEmpty();
        assertThat(focusOwner()).isSameAs(field(robot, "#code-field"));
    }

    @Test
    void typedPluOfWeighedGoodsAsksForTheWeight(FxRobot robot) {
        typeSlowly(robot, "10001");
        robot.type(KeyCode.ENTER);

        assertThat(robot.lookup("#entry-dialog").tryQuery()).isPresent();
        typeSlowly(robot, "0.5");
        robot.type(KeyCode.ENTER);

        assertThat(cartLines(robot)).hasSize(1);
        assertThat(cartLines(robot).get(0).quantity()).isEqualTo(500);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥6.40");
    }

    @Test
    void quantityRemoveAndClearByTheirKeys(FxRobot robot) throws TimeoutException {
        scan(robot, COLA);
        scan(robot, WATER);
        robot.type(KeyCode.UP);

        robot.type(KeyCode.F3);
        typeSlowly(robot, "3");
        robot.type(KeyCode.ENTER);
        assertThat(cartLines(robot).get(0).quantity()).isEqualTo(3);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥11.00");

        robot.type(KeyCode.DELETE);
        assertThat(robot.lookup("#void-reason-dialog").tryQuery()).isPresent();
        typeSlowly(robot, "1"); // the first listed reason: 扫错商品
        robot.type(KeyCode.ENTER);
        waitUntil(() -> cartLines(robot).size() == 1); // the void is in the audit log first
        assertThat(cartLines(robot)).extracting(l -> l.product().name()).containsExactly("农夫山泉 550ml");

        robot.type(KeyCode.F5);
        assertThat(robot.lookup("#clear-dialog").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        assertThat(cartLines(robot)).hasSize(1);
        robot.type(KeyCode.F5);
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#void-notice")).as("a clear needs a reason").isNotEmpty();
        typeSlowly(robot, "2");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> cartLines(robot).isEmpty());
        assertThat(focusOwner()).isSameAs(field(robot, "#code-field"));
    }

    @Test
    void shortCashIsRefusedInTheDialogAndNothingIsRecorded(FxRobot robot) {
        scan(robot, COLA);
        robot.type(KeyCode.F12);

        typeSlowly(robot, "1");
        robot.type(KeyCode.ENTER);

        assertThat(robot.lookup("#payment-notice").queryAs(Label.class).getText())
                .isEqualTo("金额不足：还需支付 2.00 元。");
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isPresent();
        assertThat(terminal.journal().lastSeq()).isZero();

        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isEmpty();
        assertThat(cartLines(robot)).hasSize(1);
    }

    @Test
    void buttonsShowTheirKeysAndSwitchingToEnglishInSettingsKeepsTheSale(FxRobot robot) {
        scan(robot, COLA);
        assertThat(robot.lookup("#action-cash").queryAs(Button.class).getText()).isEqualTo("F12  现金");

        robot.type(KeyCode.F8);
        robot.clickOn("#language-en");
        robot.type(KeyCode.ENTER);

        settingsSaved(robot);
        assertThat(robot.lookup("#action-cash").queryAs(Button.class).getText()).isEqualTo("F12  Cash");
        assertThat(text(robot, "#item-count")).isEqualTo("1 item");
        assertThat(cartLines(robot)).hasSize(1);
        assertThat(focusOwner()).isSameAs(field(robot, "#code-field"));
        scan(robot, COLA);
        assertThat(text(robot, "#total-amount")).isEqualTo("￥6.00");
    }

    @Test
    void aScanWhileTheSettingsAreOpenIsRefusedInABannerOverTheDimmedScreen(FxRobot robot) {
        scan(robot, COLA);
        robot.type(KeyCode.F8);
        assertThat(robot.lookup("#settings-banner").queryAs(Label.class).isVisible())
                .as("the message of the scan before is not carried into the settings").isFalse();

        scan(robot, WATER);

        Label banner = robot.lookup("#settings-banner").queryAs(Label.class);
        assertThat(banner.getText()).isEqualTo("请先关闭设置，再扫描。");
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.isDisabled()).as("not part of the dimmed screen behind the dialog").isFalse();
        assertThat(robot.lookup("#notice").queryAs(Label.class).isDisabled()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#settings-dialog").tryQuery()).isEmpty();
        assertThat(cartLines(robot)).hasSize(1);
    }

    @Test
    void aReboundKeyRunsItsActionAtOnce(FxRobot robot) {
        scan(robot, COLA);
        robot.type(KeyCode.F8);
        robot.clickOn("#key-cash");
        robot.type(KeyCode.F11);
        assertThat(field(robot, "#key-cash").getText()).isEqualTo("F11");
        robot.type(KeyCode.ENTER);
        settingsSaved(robot);

        assertThat(robot.lookup("#action-cash").queryAs(Button.class).getText()).isEqualTo("F11  现金");
        robot.type(KeyCode.F12);
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isEmpty();
        robot.type(KeyCode.F11);
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isPresent();
    }

    @Test
    void tappingALineSelectsItWithoutTakingTheScannerFocus(FxRobot robot) throws TimeoutException {
        scan(robot, COLA);
        scan(robot, WATER);

        robot.clickOn("可口可乐 330ml");

        assertThat(focusOwner()).isSameAs(field(robot, "#code-field"));
        robot.clickOn("#action-remove");
        robot.clickOn("#void-reason-1"); // a listed reason, by touch
        waitUntil(() -> cartLines(robot).size() == 1);
        assertThat(cartLines(robot)).extracting(l -> l.product().name()).containsExactly("农夫山泉 550ml");
        assertThat(focusOwner()).isSameAs(field(robot, "#code-field"));
        robot.clickOn("#action-cash");
        assertThat(robot.lookup("#payment-dialog").tryQuery()).isPresent();
        robot.clickOn("￥50");
        assertThat(field(robot, "#tendered-field").getText()).isEqualTo("50.00");
        assertThat(text(robot, "#payment-change")).isEqualTo("￥48.00");
    }

    // ---- helpers ----

    /** A person typing into the focused field; returns once the field shows it (the last key is held ~50 ms). */
    private void typeSlowly(FxRobot robot, String text) {
        Node focused = focusOwner();
        robot.write(text, HUMAN_GAP_MS);
        if (focused instanceof TextField field) {
            try {
                waitUntil(() -> field.getText().endsWith(text));
            } catch (TimeoutException e) {
                throw new AssertionError("typed \"" + text + "\" never showed in the field: " + field.getText(), e);
            }
        } else {
            robot.sleep(HUMAN_GAP_MS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static int selectedRow(FxRobot robot) {
        return cartTable(robot).getSelectionModel().getSelectedIndex();
    }

    private static TextField field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    /** Settings are saved off the FX thread; the screen is drawn again with them once that is done. */
    private static void settingsSaved(FxRobot robot) {
        try {
            waitUntil(() -> robot.lookup("#settings-dialog").tryQuery().isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("the settings dialog did not close after saving", e);
        }
    }
}
