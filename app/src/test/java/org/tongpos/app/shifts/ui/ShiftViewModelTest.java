package org.tongpos.app.shifts.ui;

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
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.shifts.domain.ShiftReport;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TillPrinter;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.sync.journal.TenderMethod;

/** The shift screens' decisions, without JavaFX: float at log-in, paid-in/out with approval, blind count, Z. */
class ShiftViewModelTest {

    @TempDir
    Path directory;
    private Terminal terminal;
    private Session session;
    private ShiftViewModel vm;
    private final List<String> printed = new ArrayList<>();
    private final List<Notice> tillNotices = new ArrayList<>();

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
        session = TestSessions.demo(terminal, Role.CASHIER);
        DirectTaskRunner tasks = new DirectTaskRunner();
        TillPrinter printer = new TillPrinter() {
            @Override
            public boolean print(String jobId, String description, Function<PaperWidth, byte[]> layout,
                                 boolean openDrawer) {
                printed.add(jobId);
                return layout.apply(paper()).length > 0;
            }

            @Override
            public PaperWidth paper() {
                return PaperWidth.MM58;
            }
        };
        vm = new ShiftViewModel(terminal.shifts(), terminal.shiftReports(), tasks, () -> session,
                new ApprovalViewModel(terminal.operators().approvals(), tasks, terminal.clock().getZone()), printer);
        vm.onTillNotice(tillNotices::add);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    @Test
    void logInWithNoShiftAsksForTheFloatAndPaymentWaitsForIt() {
        vm.loggedIn();
        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.OPEN);
        vm.cancel();
        assertThat(vm.readyToSell()).isFalse();
        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.OPEN);

        vm.amount().set("abc");
        assertThat(vm.confirm()).isFalse();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("shift.amount.invalid", "abc"));
        vm.amount().set("200");
        vm.confirm();

        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.NONE);
        assertThat(vm.readyToSell()).isTrue();
        assertThat(terminal.shifts().current()).isPresent();
        assertThat(tillNotices).last().isEqualTo(Notice.info("shift.opened", 1L, "200.00"));
    }

    @Test
    void logInWithAShiftOpenAsksNothing() {
        terminal.shifts().open(session, Money.parseYuan("50"));
        vm.loggedIn();
        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.NONE);
        assertThat(vm.shift().get().openingFloat()).isEqualTo(Money.parseYuan("50"));
    }

    @Test
    void aCashiersPaidOutNeedsAReasonAndASupervisor() {
        openShift("100");
        vm.startPaidOut();
        vm.amount().set("30");
        assertThat(vm.confirm()).isFalse();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("shift.error.reasonRequired"));
        vm.reason().set("付供应商货款");

        vm.confirm();
        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.APPROVAL);
        vm.approvals().operatorNumber().set("002");
        vm.approvals().pin().set("2222");
        vm.approvals().confirm();

        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.NONE);
        assertThat(terminal.shifts().expectedCash()).isEqualTo(Money.parseYuan("70"));
        AuditRecord out = lastAudit();
        assertThat(out.action()).isEqualTo(AuditAction.PAID_OUT);
        assertThat(out.approver()).isEqualTo("002");
        assertThat(out.detail()).isEqualTo("付供应商货款");
    }

    @Test
    void theBlindCountClosesWithinToleranceAndPrintsTheZReport() throws Exception {
        openShift("100");
        sell(Money.parseYuan("3"));
        vm.startClose();
        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.COUNT);
        vm.pieces().get(10000L).set("1");
        vm.pieces().get(100L).set("2");
        vm.pieces().get(50L).set("1");
        assertThat(vm.counted().get()).isEqualTo(Money.parseYuan("102.50"));

        vm.confirm();

        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.REPORT);
        ShiftReport z = vm.report().get();
        assertThat(z.kind()).isEqualTo(ShiftReport.Kind.Z);
        assertThat(z.overShort()).contains(Money.parseYuan("-0.50"));
        assertThat(vm.reportText().get()).contains("短款", "-0.50");
        assertThat(printed).containsExactly("Z-1");
        assertThat(vm.printed().get()).isEqualTo(Notice.info("shift.report.printing"));
        assertThat(vm.shift().get()).isNull();
        assertThat(vm.readyToSell()).as("the next sale needs a new shift").isFalse();
    }

    @Test
    void beyondTheToleranceTheReasonIsAskedAndNothingClosesWithoutIt() {
        openShift("100");
        vm.startClose();
        vm.pieces().get(5000L).set("1");
        vm.confirm();

        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.REASON);
        assertThat(vm.overShort().get()).isEqualTo(Money.parseYuan("-50"));
        assertThat(terminal.shifts().current()).isPresent();
        assertThat(vm.confirm()).isFalse();
        vm.cancel();
        assertThat(vm.step().get()).as("Esc: count again").isEqualTo(ShiftViewModel.Step.COUNT);
        assertThat(vm.pieces().get(5000L).get()).isEqualTo("1");
        vm.confirm();
        vm.reason().set("备用金少放");
        vm.confirm();

        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.REPORT);
        assertThat(vm.report().get().reason()).isEqualTo("备用金少放");
        assertThat(terminal.shifts().current()).isEmpty();
    }

    @Test
    void theXReportShowsAndPrintsAndTheShiftStaysOpen() {
        openShift("100");
        vm.xReport();
        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.REPORT);
        assertThat(vm.report().get().kind()).isEqualTo(ShiftReport.Kind.X);
        assertThat(printed).singleElement().asString().startsWith("X-1-");
        vm.confirm();
        assertThat(vm.step().get()).isEqualTo(ShiftViewModel.Step.NONE);
        assertThat(terminal.shifts().current()).isPresent();
    }

    private void openShift(String yuan) {
        vm.loggedIn();
        vm.amount().set(yuan);
        vm.confirm();
        assertThat(terminal.shifts().current()).isPresent();
    }

    private void sell(Money cash) throws Exception {
        Cart cart = new Cart();
        terminal.checkout().scan(cart, TerminalFixture.COLA);
        assertThat(cart.total()).isEqualTo(cash);
        terminal.checkout().pay(cart, List.of(new Payment.Offer(TenderMethod.CASH, cash, "")), session);
    }

    private AuditRecord lastAudit() {
        List<AuditRecord> records = terminal.operators().audit().list(terminal.systemSession(),
                java.time.LocalDate.of(2000, 1, 1), java.time.LocalDate.of(2100, 1, 1));
        return records.get(records.size() - 1);
    }
}
