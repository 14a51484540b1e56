package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.TerminalFixture;

class CashierViewModelTest {

    private static final String COLA = DemoCatalog.stapleBarcode(0);   // 可口可乐 330ml, 3.00
    private static final String WATER = DemoCatalog.stapleBarcode(2);  // 农夫山泉 550ml, 2.00
    private static final String APPLE_PLU = "10001";                   // 红富士苹果, 12.80/kg

    @TempDir
    static Path directory;
    static Terminal terminal;

    private CashierViewModel vm;

    @BeforeAll
    static void openTerminal() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
    }

    @AfterAll
    static void closeTerminal() {
        terminal.close();
    }

    @BeforeEach
    void newScreen() {
        vm = TerminalFixture.cashierViewModel(terminal, new DirectTaskRunner(), () -> TestSessions.cashier("007"));
    }

    @Test
    void scanningKnownBarcodeAddsLineAndUpdatesTotal() {
        vm.scanned(COLA);

        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.lines().get(0).product().name()).isEqualTo("可口可乐 330ml");
        assertThat(vm.total().get()).isEqualTo(Money.ofFen(300));
        assertThat(vm.itemCount().get()).isEqualTo(1);
        assertThat(vm.selected().get()).isZero();
        assertThat(vm.notice().get()).isEqualTo(Notice.info("checkout.notice.added", "可口可乐 330ml"));
    }

    @Test
    void scanningTheSameBarcodeAgainCountsOnTheSameLine() {
        vm.scanned(COLA);
        vm.scanned(COLA);
        vm.scanned(WATER);

        assertThat(vm.lines()).hasSize(2);
        assertThat(vm.lines().get(0).quantity()).isEqualTo(2);
        assertThat(vm.total().get()).isEqualTo(Money.ofFen(800));
        assertThat(vm.itemCount().get()).isEqualTo(3);
        assertThat(vm.selected().get()).isEqualTo(1);
    }

    @Test
    void scanningUnknownBarcodeShowsErrorAndKeepsCart() {
        vm.scanned(COLA);

        vm.scanned("6901234567892");

        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.total().get()).isEqualTo(Money.ofFen(300));
        assertThat(vm.notice().get()).isEqualTo(Notice.error("scan.unknown", "6901234567892"));
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
    }

    @Test
    void scanningBarcodeWithWrongCheckDigitShowsErrorAndKeepsCart() {
        vm.scanned("6920000000013");

        assertThat(vm.lines()).isEmpty();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("scan.malformed", "6920000000013"));
    }

    @Test
    void typedCodeIsAddedAndTheFieldEmptied() {
        vm.code().set(COLA);

        vm.enterCode();

        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.code().get()).isEmpty();
    }

    @Test
    void typedUnknownCodeStaysInTheFieldToBeCorrected() {
        vm.code().set("12345678");

        vm.enterCode();

        assertThat(vm.lines()).isEmpty();
        assertThat(vm.code().get()).isEqualTo("12345678");
        assertThat(vm.notice().get().isError()).isTrue();
    }

    @Test
    void pluOfWeighedGoodsAsksForTheWeightThenAddsAWeighedLine() {
        vm.code().set(APPLE_PLU);
        vm.enterCode();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.ENTRY);
        assertThat(vm.entry().get().weight()).isTrue();
        assertThat(vm.entry().get().product().name()).isEqualTo("红富士苹果");

        vm.entryText().set("0.512");
        assertThat(vm.confirmEntry()).isTrue();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.lines().get(0).quantity()).isEqualTo(512);
        assertThat(vm.total().get()).isEqualTo(Money.ofFen(655)); // 12.80 × 0.512 = 6.5536
    }

    @Test
    void invalidWeightIsRefusedAndTheDialogStays() {
        vm.scanned(APPLE_PLU);
        vm.entryText().set("0");

        assertThat(vm.confirmEntry()).isFalse();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.ENTRY);
        assertThat(vm.entryNotice().get().key()).isEqualTo("checkout.weight.invalid");
        assertThat(vm.lines()).isEmpty();
    }

    @Test
    void escapeFromTheWeightDialogAddsNothing() {
        vm.scanned(APPLE_PLU);

        assertThat(vm.perform(CashierAction.CANCEL)).isTrue();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).isEmpty();
    }

    @Test
    void changingTheQuantityOfTheSelectedLineUpdatesTheTotal() {
        vm.scanned(COLA);
        vm.scanned(WATER);
        vm.perform(CashierAction.SELECT_UP);

        vm.perform(CashierAction.QUANTITY);
        assertThat(vm.entryText().get()).isEqualTo("1");
        vm.entryText().set("6");
        vm.confirmEntry();

        assertThat(vm.lines().get(0).quantity()).isEqualTo(6);
        assertThat(vm.total().get()).isEqualTo(Money.ofFen(2000));
        assertThat(vm.itemCount().get()).isEqualTo(7);
        assertThat(vm.selected().get()).isZero();
    }

    @Test
    void quantityOfZeroIsRefused() {
        vm.scanned(COLA);
        vm.perform(CashierAction.QUANTITY);
        vm.entryText().set("0");

        assertThat(vm.confirmEntry()).isFalse();
        assertThat(vm.entryNotice().get().key()).isEqualTo("checkout.quantity.invalid");
        assertThat(vm.lines().get(0).quantity()).isEqualTo(1);
    }

    @Test
    void quantityWithoutASelectedLineAsksToSelectOne() {
        vm.perform(CashierAction.QUANTITY);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.notice().get().key()).isEqualTo("checkout.notice.nothingSelected");
    }

    @Test
    void removingTheSelectedLineSelectsItsNeighbour() {
        vm.scanned(COLA);
        vm.scanned(WATER);
        vm.selected().set(0);

        vm.perform(CashierAction.REMOVE);
        giveReason();

        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.lines().get(0).product().name()).isEqualTo("农夫山泉 550ml");
        assertThat(vm.total().get()).isEqualTo(Money.ofFen(200));
        assertThat(vm.selected().get()).isZero();
        assertThat(vm.notice().get()).isEqualTo(Notice.info("checkout.notice.removed", "可口可乐 330ml"));
    }

    @Test
    void clearingAsksFirstAndEscapeKeepsTheSale() {
        vm.scanned(COLA);

        vm.perform(CashierAction.CLEAR);
        assertThat(vm.mode().get()).isEqualTo(CashierMode.CONFIRM_CLEAR);
        vm.perform(CashierAction.CANCEL);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).hasSize(1);
    }

    @Test
    void confirmingTheClearEmptiesTheCart() {
        vm.scanned(COLA);
        vm.perform(CashierAction.CLEAR);

        vm.voidReason().set("顾客不买了");
        vm.confirmClear();

        assertThat(vm.lines()).isEmpty();
        assertThat(vm.total().get()).isEqualTo(Money.ZERO);
        assertThat(vm.itemCount().get()).isZero();
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
    }

    @Test
    void cashOnAnEmptyCartIsRefused() {
        vm.perform(CashierAction.CASH);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.notice().get().key()).isEqualTo("checkout.notice.cartEmpty");
    }

    @Test
    void payingCashRecordsTheSaleShowsTheReceiptAndNextSaleStartsEmpty() {
        long seqBefore = terminal.journal().lastSeq();
        vm.scanned(COLA);
        vm.scanned(WATER);

        vm.perform(CashierAction.CASH);
        PaymentViewModel payment = vm.payment().get();
        assertThat(payment.tendered().get()).isEqualTo("5.00");
        payment.offerNote(50);
        assertThat(payment.change().get()).contains(Money.ofFen(4500));
        assertThat(payment.confirm()).isTrue();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.RECEIPT);
        assertThat(vm.completedSale().get().total()).isEqualTo(Money.ofFen(500));
        assertThat(vm.completedSale().get().change()).isEqualTo(Money.ofFen(4500));
        assertThat(vm.completedSale().get().cashier()).isEqualTo("007");
        assertThat(terminal.journal().lastSeq()).isEqualTo(seqBefore + 1);
        assertThat(terminal.journal().read(seqBefore + 1, 1).get(0).amountFen()).isEqualTo(500);

        assertThat(vm.perform(CashierAction.CANCEL)).as("Esc on the receipt is next sale").isTrue();
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.total().get()).isEqualTo(Money.ZERO);
        assertThat(vm.completedSale().get()).isNull();
    }

    @Test
    void aScanOnTheReceiptStartsTheNextSaleWithThatItem() {
        vm.scanned(COLA);
        vm.perform(CashierAction.CASH);
        vm.payment().get().confirm();

        vm.scanned(WATER);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.lines().get(0).product().name()).isEqualTo("农夫山泉 550ml");
    }

    @Test
    void aScanDuringPaymentIsRefusedAndTheCartIsUnchanged() {
        vm.scanned(COLA);
        vm.perform(CashierAction.CASH);

        vm.scanned(WATER);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.PAYMENT);
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.payment().get().notice().get().key()).isEqualTo("checkout.notice.scanDuringPayment");
    }

    @Test
    void escapeFromPaymentReturnsToTheSale() {
        vm.scanned(COLA);
        vm.perform(CashierAction.CASH);

        vm.perform(CashierAction.CANCEL);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.payment().get()).isNull();
        assertThat(vm.lines()).hasSize(1);
    }

    @Test
    void searchByPinyinInitialsAddsTheChosenProduct() {
        vm.perform(CashierAction.SEARCH);
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SEARCH);

        vm.search().query().set("kkkl");
        assertThat(vm.search().chosen()).map(p -> p.name()).contains("可口可乐 330ml");
        vm.addSearchResult();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.lines().get(0).product().name()).isEqualTo("可口可乐 330ml");
    }

    @Test
    void searchingWeighedGoodsAsksForTheirWeight() {
        vm.perform(CashierAction.SEARCH);
        vm.search().query().set("xj");   // 香蕉

        vm.addSearchResult();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.ENTRY);
        assertThat(vm.entry().get().product().name()).isEqualTo("香蕉");
    }

    @Test
    void arrowsMoveTheSearchSelectionNotTheCart() {
        vm.scanned(COLA);
        vm.perform(CashierAction.SEARCH);
        vm.search().query().set("kl");
        assertThat(vm.search().results().size()).isGreaterThan(1);

        assertThat(vm.perform(CashierAction.SELECT_DOWN)).isTrue();

        assertThat(vm.search().selected().get()).isEqualTo(1);
        assertThat(vm.selected().get()).isZero();
    }

    @Test
    void aScanDuringSearchClosesTheSearchAndGoesIntoTheCart() {
        vm.perform(CashierAction.SEARCH);
        vm.search().query().set("bs");

        vm.scanned(COLA);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.search().query().get()).isEqualTo("bs");
    }

    @Test
    void actionsThatMeanNothingInADialogAreNotUsed() {
        vm.perform(CashierAction.SEARCH);

        assertThat(vm.perform(CashierAction.CASH)).isFalse();
        assertThat(vm.perform(CashierAction.CLEAR)).isFalse();
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SEARCH);
    }

    @Test
    void arrowsMoveTheCartSelectionWithinItsLines() {
        vm.scanned(COLA);
        vm.scanned(WATER);

        vm.perform(CashierAction.SELECT_UP);
        vm.perform(CashierAction.SELECT_UP);
        assertThat(vm.selected().get()).isZero();
        vm.perform(CashierAction.SELECT_DOWN);
        vm.perform(CashierAction.SELECT_DOWN);
        assertThat(vm.selected().get()).isEqualTo(1);
    }

    @Test
    void settingsOpenAndCloseAndRefuseScansMeanwhile() {
        vm.perform(CashierAction.SETTINGS);
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SETTINGS);

        vm.scanned(COLA);
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.notice().get().key()).isEqualTo("checkout.notice.scanDuringSettings");

        vm.settingsClosed();
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
    }

    @Test
    void escapeWhileScanningClearsTheTypedCodeAndTheMessage() {
        vm.scanned("6901234567892");
        vm.code().set("123");

        vm.perform(CashierAction.CANCEL);

        assertThat(vm.code().get()).isEmpty();
        assertThat(vm.notice().get()).isNull();
    }

    /** The void-reason dialog: a reason typed and Enter. */
    private void giveReason() {
        if (vm.mode().get() == CashierMode.VOID_REASON) {
            vm.voidReason().set("扫错商品");
            vm.confirmVoidReason();
        }
    }
}
