package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.TerminalFixture;

/** Removing lines and clearing sales at the till, with a supervisor's approval above void.approval-above (50). */
class VoidApprovalViewModelTest {

    private static final String COLA = DemoCatalog.stapleBarcode(0); // 3.00

    @TempDir
    Path directory;
    private Terminal terminal;
    private CashierViewModel vm;
    private Session session;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
        session = TestSessions.demo(terminal, Role.CASHIER);
        vm = TerminalFixture.cashierViewModel(terminal, new DirectTaskRunner(), () -> session);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    /** A line of 20 colas: 60.00, above the limit. */
    private void twentyColas() {
        vm.scanned(COLA);
        vm.perform(CashierAction.QUANTITY);
        vm.entryText().set("20");
        vm.confirmEntry();
        assertThat(vm.total().get()).isEqualTo(Money.ofFen(6000));
    }

    private List<AuditRecord> audit() {
        return terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1));
    }

    @Test
    void removingALineAboveTheLimitAsksASupervisorAndRecordsWhoApproved() {
        twentyColas();

        vm.perform(CashierAction.REMOVE);
        giveReason();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.APPROVAL);
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.approvals().request().get().subject()).isEqualTo("可口可乐 330ml ×20");
        vm.approvals().operatorNumber().set("002");
        vm.approvals().pin().set("2222");
        vm.approvals().confirm();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).isEmpty();
        assertThat(vm.notice().get()).isEqualTo(Notice.info("checkout.notice.removedApproved", "可口可乐 330ml", "002"));
        List<AuditRecord> records = audit();
        AuditRecord voided = records.get(records.size() - 1);
        assertThat(voided.action()).isEqualTo(AuditAction.VOID_LINE);
        assertThat(voided.actor()).isEqualTo("001");
        assertThat(voided.approver()).isEqualTo("002");
        assertThat(voided.amountFen()).hasValue(6000);
        assertThat(records.get(records.size() - 2).action()).isEqualTo(AuditAction.APPROVAL_GRANTED);
    }

    @Test
    void cancellingTheApprovalKeepsTheLine() {
        twentyColas();
        vm.perform(CashierAction.REMOVE);
        giveReason();

        vm.perform(CashierAction.CANCEL);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.notice().get()).isEqualTo(Notice.info("checkout.void.notApproved"));
        assertThat(audit()).extracting(AuditRecord::action).doesNotContain(AuditAction.VOID_LINE);
    }

    @Test
    void aScanDuringTheApprovalIsRefusedThere() {
        twentyColas();
        vm.perform(CashierAction.REMOVE);
        giveReason();

        vm.scanned(COLA);

        assertThat(vm.approvals().notice().get()).isEqualTo(Notice.error("approval.scanRefused"));
        assertThat(vm.lines().get(0).quantity()).isEqualTo(20);
    }

    @Test
    void belowTheLimitTheLineGoesAtOnceAndTheVoidIsStillRecorded() {
        vm.scanned(COLA);

        vm.perform(CashierAction.REMOVE);
        giveReason();

        assertThat(vm.lines()).isEmpty();
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(audit().get(audit().size() - 1).action()).isEqualTo(AuditAction.VOID_LINE);
    }

    @Test
    void clearingASaleAboveTheLimitAsksToo() {
        twentyColas();
        vm.perform(CashierAction.CLEAR);
        vm.voidReason().set("顾客不买了");
        vm.confirmClear();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.APPROVAL);
        vm.approvals().operatorNumber().set("003");
        vm.approvals().pin().set("3333");
        vm.approvals().confirm();

        assertThat(vm.lines()).isEmpty();
        assertThat(vm.notice().get()).isEqualTo(Notice.info("checkout.notice.clearedApproved", "003"));
        assertThat(audit().get(audit().size() - 1).action()).isEqualTo(AuditAction.VOID_SALE);
    }

    @Test
    void aSupervisorAtTheTillIsNotAsked() {
        session = TestSessions.demo(terminal, Role.SUPERVISOR);
        twentyColas();

        vm.perform(CashierAction.REMOVE);
        giveReason();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).isEmpty();
    }

    @Test
    void anAuditorAtTheTillCanNeitherTakePaymentNorChangeSettings() {
        session = TestSessions.demo(terminal, Role.AUDITOR);
        vm.scanned(COLA);

        vm.perform(CashierAction.CASH);
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.notice().get()).isEqualTo(Notice.error("operators.denied", "004", "陈静",
                new Notice.Key("role.AUDITOR"), new Notice.Key("permission.SELL")));

        vm.perform(CashierAction.SETTINGS);
        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);

        vm.perform(CashierAction.REMOVE);
        giveReason();
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.notice().get().key()).isEqualTo("operators.denied");
        assertThat(terminal.journal().lastSeq()).isZero();
    }

    /** The void-reason dialog: a reason typed and Enter. */
    private void giveReason() {
        if (vm.mode().get() == CashierMode.VOID_REASON) {
            vm.voidReason().set("扫错商品");
            vm.confirmVoidReason();
        }
    }
}
