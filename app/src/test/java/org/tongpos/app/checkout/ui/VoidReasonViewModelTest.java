package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.testkit.MutableClock;

/** A void at the till asks why; the reason is in the audit log; a void long after the sale began needs a supervisor. */
class VoidReasonViewModelTest {

    @TempDir
    Path directory;
    private Terminal terminal;
    private CashierViewModel vm;
    private Session session;
    private final MutableClock clock = MutableClock.at("2026-11-30T04:05:09Z");

    private void open(int approvalAfterMinutes) {
        try (Terminal first = TerminalFixture.openWithDemoCatalog(directory, clock)) {
            first.settings().set(SettingKey.VOID_APPROVAL_AFTER_MINUTES, Integer.toString(approvalAfterMinutes));
        }
        terminal = Terminal.open(directory, clock);
        session = TestSessions.demo(terminal, Role.CASHIER);
        vm = TerminalFixture.cashierViewModel(terminal, new DirectTaskRunner(), () -> session);
        vm.useClock(clock);
    }

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private List<AuditRecord> audit() {
        return terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1));
    }

    @Test
    void removingALineAsksWhyAndRecordsTheReason() {
        open(0);
        vm.scanned(TerminalFixture.COLA);

        vm.perform(CashierAction.REMOVE);
        assertThat(vm.mode().get()).isEqualTo(CashierMode.VOID_REASON);
        assertThat(vm.voidingLine().product().name()).isEqualTo("可口可乐 330ml");
        assertThat(vm.confirmVoidReason()).as("no reason, no void").isFalse();
        assertThat(vm.voidNotice().get()).isEqualTo(Notice.error("checkout.void.reasonNeeded"));
        assertThat(vm.lines()).hasSize(1);

        vm.voidReason().set("  顾客不要了 ");
        assertThat(vm.confirmVoidReason()).isTrue();

        assertThat(vm.lines()).isEmpty();
        AuditRecord voided = audit().get(audit().size() - 1);
        assertThat(voided.action()).isEqualTo(AuditAction.VOID_LINE);
        assertThat(voided.detail()).isEqualTo("顾客不要了");
    }

    @Test
    void escapeOnTheReasonKeepsTheLineAndRecordsNothing() {
        open(0);
        vm.scanned(TerminalFixture.COLA);
        vm.perform(CashierAction.REMOVE);

        vm.perform(CashierAction.CANCEL);

        assertThat(vm.mode().get()).isEqualTo(CashierMode.SCANNING);
        assertThat(vm.lines()).hasSize(1);
        assertThat(audit()).extracting(AuditRecord::action).doesNotContain(AuditAction.VOID_LINE);
    }

    @Test
    void clearingNeedsAReasonToo() {
        open(0);
        vm.scanned(TerminalFixture.COLA);
        vm.perform(CashierAction.CLEAR);

        vm.confirmClear();
        assertThat(vm.lines()).hasSize(1);
        assertThat(vm.voidNotice().get()).isEqualTo(Notice.error("checkout.void.reasonNeeded"));

        vm.voidReason().set("顾客不买了");
        vm.confirmClear();

        assertThat(vm.lines()).isEmpty();
        assertThat(audit().get(audit().size() - 1).detail()).isEqualTo("顾客不买了");
    }

    @Test
    void aVoidAfterTheConfiguredMinutesNeedsASupervisorEvenBelowTheAmount() {
        open(10);
        vm.scanned(TerminalFixture.COLA);
        clock.advance(Duration.ofMinutes(9));
        vm.scanned(TerminalFixture.PEPSI);
        vm.selected().set(1);
        vm.perform(CashierAction.REMOVE);
        vm.voidReason().set("扫错商品");
        vm.confirmVoidReason();
        assertThat(vm.lines()).as("9 minutes in: the cashier alone").hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        vm.perform(CashierAction.REMOVE);
        vm.voidReason().set("扫错商品");
        vm.confirmVoidReason();

        assertThat(vm.mode().get()).isEqualTo(CashierMode.APPROVAL);
        vm.approvals().operatorNumber().set("002");
        vm.approvals().pin().set("2222");
        vm.approvals().confirm();
        assertThat(vm.lines()).isEmpty();
        AuditRecord voided = audit().get(audit().size() - 1);
        assertThat(voided.approver()).isEqualTo("002");
        assertThat(voided.detail()).startsWith("扫错商品; approval seq ");
    }
}
