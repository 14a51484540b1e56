package org.tongpos.app.returns.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.returns.service.RefundReceipts;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TillPrinter;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.TenderMethod;

/** The return screen's decisions, without JavaFX: find by receipt, pick, never more than is left, approve, refund. */
class ReturnViewModelTest {

    @TempDir
    Path directory;
    private Terminal terminal;
    private Session session;
    private ReturnViewModel vm;
    private String receiptNo;
    private final List<String> printed = new ArrayList<>();
    private boolean shiftOpen = true;

    @BeforeEach
    void open() throws Exception {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
        session = TestSessions.demo(terminal, Role.CASHIER);
        Cart cart = new Cart();
        terminal.checkout().scan(cart, TerminalFixture.COLA);
        terminal.checkout().scan(cart, TerminalFixture.PEPSI);
        terminal.checkout().scan(cart, TerminalFixture.PEPSI);
        CompletedSale sale = terminal.checkout().pay(cart,
                List.of(new Payment.Offer(TenderMethod.CASH, Money.parseYuan("10"), "")), session);
        receiptNo = sale.receiptNo();
        DirectTaskRunner tasks = new DirectTaskRunner();
        TillPrinter printer = new TillPrinter() {
            @Override
            public boolean print(String jobId, String description, Function<PaperWidth, byte[]> layout,
                                 boolean openDrawer) {
                printed.add(jobId + (openDrawer ? " +drawer" : ""));
                return layout.apply(paper()).length > 0;
            }

            @Override
            public PaperWidth paper() {
                return PaperWidth.MM80;
            }
        };
        vm = new ReturnViewModel(terminal.returns(), new RefundReceipts(terminal.messages(), "测试店"), tasks,
                () -> session, new ApprovalViewModel(terminal.operators().approvals(), tasks,
                terminal.clock().getZone()), printer, terminal.clock());
        vm.useRefundCheck(() -> shiftOpen);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    @Test
    void noReturnScreenWithoutAnOpenShift() {
        shiftOpen = false;
        vm.open();
        assertThat(vm.step().get()).isEqualTo(ReturnViewModel.Step.NONE);
    }

    @Test
    void aScannedReceiptShowsItsLinesAndAnItemScanPicksOneMore() {
        vm.open();
        vm.scanned("T0001-99999999");
        assertThat(vm.notice().get()).isEqualTo(Notice.error("return.error.noSuchReceipt", "T0001-99999999"));
        assertThat(vm.step().get()).isEqualTo(ReturnViewModel.Step.RECEIPT);

        vm.scanned(receiptNo);

        assertThat(vm.step().get()).isEqualTo(ReturnViewModel.Step.PICK);
        assertThat(vm.rows()).hasSize(2);
        vm.scanned(TerminalFixture.PEPSI);
        vm.scanned(TerminalFixture.PEPSI);
        assertThat(vm.selected().get()).isEqualTo(1);
        assertThat(vm.rows().get(1).units().get()).isEqualTo(2);
        assertThat(vm.refund().get()).isEqualTo(Money.parseYuan("6"));
        vm.scanned(TerminalFixture.PEPSI);
        assertThat(vm.rows().get(1).units().get()).as("never more than was sold").isEqualTo(2);
        assertThat(vm.notice().get().key()).isEqualTo("return.error.exceeds");
    }

    @Test
    void typedQuantityBeyondWhatIsLeftIsCappedAndSaid() {
        vm.open();
        vm.receiptNo().set(receiptNo);
        vm.confirm();
        vm.move(1);
        vm.quantity().set("3");
        assertThat(vm.rows().get(1).units().get()).isEqualTo(2);
        assertThat(vm.notice().get()).isEqualTo(Notice.error("return.error.exceeds", "百事可乐 330ml", 2L));
    }

    @Test
    void aCashiersReturnIsApprovedByASupervisorThenRefundedToCashAndPrinted() {
        vm.open();
        vm.scanned(receiptNo);
        vm.quantity().set("1"); // the cola line is selected first
        vm.reason().set("瓶身破损");

        vm.confirm();
        assertThat(vm.step().get()).isEqualTo(ReturnViewModel.Step.APPROVAL);
        vm.approvals().operatorNumber().set("002");
        vm.approvals().pin().set("2222");
        vm.approvals().confirm();

        assertThat(vm.step().get()).isEqualTo(ReturnViewModel.Step.DONE);
        assertThat(vm.notice().get()).isEqualTo(Notice.info("return.done.cash", "3.00"));
        assertThat(vm.slipText().get()).contains("退货单", receiptNo, "可口可乐 330ml ×1", "-3.00", "瓶身破损", "002");
        assertThat(printed).singleElement().asString().startsWith("R-").endsWith(" +drawer");
        var refund = terminal.journal().read(terminal.journal().lastSeq(), 1).get(0);
        assertThat(refund.kind()).isEqualTo(EntryKind.REFUND);
        assertThat(refund.amountFen()).isEqualTo(300);

        vm.open();
        assertThat(vm.step().get()).as("open only from the till").isEqualTo(ReturnViewModel.Step.DONE);
        vm.confirm();
        assertThat(vm.step().get()).isEqualTo(ReturnViewModel.Step.NONE);
    }

    @Test
    void aSupervisorRefundsAloneAndBelowTheLimitACashierToo() {
        terminal.settings().set(SettingKey.REFUND_APPROVAL_ABOVE, "5");
        vm.open();
        vm.scanned(receiptNo);
        vm.pickAll();
        assertThat(vm.refund().get()).isEqualTo(Money.parseYuan("9"));
        vm.confirm();
        assertThat(vm.step().get()).as("9.00 is above 5").isEqualTo(ReturnViewModel.Step.APPROVAL);
        vm.cancel();
        assertThat(vm.step().get()).isEqualTo(ReturnViewModel.Step.PICK);
        assertThat(vm.notice().get()).isEqualTo(Notice.info("return.notApproved"));

        vm.rows().get(1).units().set(0);
        vm.confirm();
        assertThat(vm.step().get()).as("3.00 needs nobody").isEqualTo(ReturnViewModel.Step.DONE);
    }

    @Test
    void nothingPickedRefundsNothing() {
        vm.open();
        vm.scanned(receiptNo);
        assertThat(vm.confirm()).isFalse();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("return.nothingPicked"));
    }
}
