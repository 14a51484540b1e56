package org.tongpos.app.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.returns.domain.CompletedReturn;
import org.tongpos.app.returns.domain.ReturnException;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.returns.service.ReturnService.Pick;
import org.tongpos.sync.journal.EntryKind;
import org.tongpos.sync.journal.EntryTender;
import org.tongpos.sync.journal.JournalEntry;
import org.tongpos.sync.journal.TenderMethod;

/** Returns without a receipt: a supervisor only, a reason, cash at today's prices, a REFUND naming the nil UUID. */
class NoReceiptReturnTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private Session cashier;
    private Session supervisor;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        cashier = session("001");
        supervisor = session("002");
    }

    private Session session(String number) {
        return Session.loggedIn(terminal.operators().operators().find(number).orElseThrow(),
                terminal.clock().instant());
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private List<AuditRecord> refundsInAudit() {
        return terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1)).stream().filter(r -> r.action() == AuditAction.REFUND).toList();
    }

    @Test
    void aSupervisorReturnsGoodsWithoutAReceiptInCashAtTodaysPrices() {
        CompletedReturn done = terminal.returns().refundWithoutReceipt(supervisor,
                List.of(new Pick(TerminalFixture.COLA, 2), new Pick(TerminalFixture.PEPSI, 1),
                        new Pick(TerminalFixture.COLA, 1)), " 顾客无小票，商品完好 ", Optional.empty());

        assertThat(done.amountFen()).isEqualTo(1200);
        assertThat(done.receiptNo()).isEmpty();
        assertThat(done.tenders()).containsExactly(new EntryTender(TenderMethod.CASH, 1200, ""));
        JournalEntry entry = terminal.journal().read(done.seq(), 1).get(0);
        assertThat(entry.kind()).isEqualTo(EntryKind.REFUND);
        assertThat(entry.amountFen()).isEqualTo(1200);
        assertThat(entry.originalTxnId()).isEqualTo(ReturnService.NO_ORIGINAL);
        assertThat(entry.verifies(entry.prevHash())).isTrue();
        assertThat(refundsInAudit()).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("002");
            assertThat(r.subject()).isEqualTo(ReturnService.NO_RECEIPT);
            assertThat(r.amountFen()).hasValue(1200);
            assertThat(r.detail()).contains("seq " + done.seq(), "顾客无小票，商品完好");
        });
    }

    @Test
    void aCashierNeedsASupervisorsApprovalForThatReturnRecordedWithTheApprover() throws Exception {
        List<Pick> cola = List.of(new Pick(TerminalFixture.COLA, 1));
        assertThatThrownBy(() -> terminal.returns().refundWithoutReceipt(cashier, cola, "破损", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        ApprovalRequest request = terminal.returns().noReceiptApprovalNeeded(cashier, Money.parseYuan("3"), "破损")
                .orElseThrow();
        // a void's approval does not approve a return
        ApprovalRequest other = ApprovalRequest.of(request.permission(), AuditAction.VOID_LINE,
                ReturnService.NO_RECEIPT, Money.parseYuan("3"), "");
        Approval wrong = terminal.operators().approvals().approve(cashier, other, "002", "2222".toCharArray());
        assertThatThrownBy(() -> terminal.returns().refundWithoutReceipt(cashier, cola, "破损", Optional.of(wrong)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(refundsInAudit()).isEmpty();

        Approval approval = terminal.operators().approvals().approve(cashier, request, "002", "2222".toCharArray());
        CompletedReturn done = terminal.returns().refundWithoutReceipt(cashier, cola, "破损", Optional.of(approval));

        assertThat(done.amountFen()).isEqualTo(300);
        assertThat(refundsInAudit()).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("001");
            assertThat(r.approver()).isEqualTo("002");
        });
        assertThat(terminal.journal().lastSeq()).isEqualTo(done.seq());
    }

    @Test
    void refusedReturnsRecordNothing() {
        long before = terminal.journal().lastSeq();
        List<Pick> cola = List.of(new Pick(TerminalFixture.COLA, 1));
        assertThatThrownBy(() -> terminal.returns().refundWithoutReceipt(supervisor, cola, "  ", Optional.empty()))
                .isInstanceOfSatisfying(ReturnException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReturnException.Reason.REASON_NEEDED));
        assertThatThrownBy(() -> terminal.returns().refundWithoutReceipt(supervisor,
                List.of(new Pick("6920000000999", 1)), "x", Optional.empty()))
                .isInstanceOfSatisfying(ReturnException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReturnException.Reason.UNKNOWN_ITEM));
        assertThatThrownBy(() -> terminal.returns().refundWithoutReceipt(supervisor,
                List.of(new Pick(TerminalFixture.APPLE_PLU, 1)), "x", Optional.empty()))
                .isInstanceOfSatisfying(ReturnException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReturnException.Reason.WEIGHED_NEEDS_LABEL));
        assertThatThrownBy(() -> terminal.returns().refundWithoutReceipt(supervisor, List.of(), "x",
                Optional.empty())).isInstanceOfSatisfying(ReturnException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReturnException.Reason.NO_ITEMS));
        assertThatThrownBy(() -> terminal.returns().refundWithoutReceipt(Session.commandLine("system",
                terminal.clock().instant()), cola, "x", Optional.empty()))
                .isInstanceOfSatisfying(ReturnException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReturnException.Reason.SUPERVISOR_NEEDED));
        Session auditor = session("004");
        assertThatThrownBy(() -> terminal.returns().refundWithoutReceipt(auditor, cola, "x", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(terminal.journal().lastSeq()).isEqualTo(before);
        assertThat(refundsInAudit()).isEmpty();
    }

    @Test
    void aScaleLabelComesBackAsItsAmount() {
        CompletedReturn done = terminal.returns().refundWithoutReceipt(supervisor,
                List.of(new Pick("2010001006558", 1)), "变质", Optional.empty());
        assertThat(done.amountFen()).isEqualTo(655);
    }
}
