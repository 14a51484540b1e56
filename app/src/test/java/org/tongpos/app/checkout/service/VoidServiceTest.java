package org.tongpos.app.checkout.service;

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
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.TerminalFixture;

/** Voids before payment: up to void.approval-above (50 yuan by default) alone, above it with a supervisor. */
class VoidServiceTest {

    @TempDir
    Path directory;
    private Terminal terminal;
    private VoidService voids;
    private Session cashier;
    private CartLine small;
    private CartLine large;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
        voids = terminal.voids();
        cashier = TestSessions.demo(terminal, Role.CASHIER);
        Cart cart = new Cart();
        terminal.checkout().scan(cart, DemoCatalog.stapleBarcode(0)); // 可口可乐 3.00
        small = cart.line(0);
        large = small.withQuantity(17); // 51.00
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private List<AuditRecord> records(AuditAction action) {
        return terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1)).stream().filter(r -> r.action() == action).toList();
    }

    @Test
    void upToTheLimitACashierVoidsAloneAndTheVoidIsAudited() {
        assertThat(voids.approvalAbove()).isEqualTo(Money.ofFen(5000));
        assertThat(voids.approvalNeeded(cashier, small)).isEmpty();
        assertThat(voids.approvalNeeded(cashier, small.withQuantity(16))).as("48.00").isEmpty();

        voids.voidLine(cashier, small, Optional.empty());

        AuditRecord record = records(AuditAction.VOID_LINE).get(0);
        assertThat(record.actor()).isEqualTo("001");
        assertThat(record.subject()).isEqualTo("可口可乐 330ml ×1");
        assertThat(record.amountFen()).hasValue(300);
        assertThat(record.approver()).isEmpty();
    }

    @Test
    void aboveTheLimitACashierNeedsASupervisorWhoDoesNot() {
        Optional<ApprovalRequest> needed = voids.approvalNeeded(cashier, large);

        assertThat(needed).hasValueSatisfying(request -> {
            assertThat(request.permission()).isEqualTo(Permission.VOID_OVER_LIMIT);
            assertThat(request.action()).isEqualTo(AuditAction.VOID_LINE);
            assertThat(request.subject()).isEqualTo("可口可乐 330ml ×17");
            assertThat(request.amount()).contains(Money.ofFen(5100));
        });
        assertThat(voids.approvalNeeded(TestSessions.demo(terminal, Role.SUPERVISOR), large)).isEmpty();
    }

    @Test
    void aboveTheLimitAVoidWithoutItsApprovalIsDeniedAndNotRecorded() throws Exception {
        assertThatThrownBy(() -> voids.voidLine(cashier, large, Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        Approval forAnotherLine = terminal.operators().approvals().approve(cashier,
                voids.approvalNeeded(cashier, large.withQuantity(18)).orElseThrow(), "002", "2222".toCharArray());
        assertThatThrownBy(() -> voids.voidLine(cashier, large, Optional.of(forAnotherLine)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(records(AuditAction.VOID_LINE)).isEmpty();
    }

    @Test
    void anApprovedVoidRecordsItsApprover() throws Exception {
        ApprovalRequest request = voids.approvalNeeded(cashier, large).orElseThrow();
        Approval approval = terminal.operators().approvals().approve(cashier, request, "002", "2222".toCharArray());

        voids.voidLine(cashier, large, Optional.of(approval));

        AuditRecord record = records(AuditAction.VOID_LINE).get(0);
        assertThat(record.approver()).isEqualTo("002");
        assertThat(record.detail()).isEqualTo("approval seq " + approval.auditSeq());
        assertThat(records(AuditAction.APPROVAL_GRANTED)).hasSize(1);
    }

    @Test
    void clearingASaleAboveTheLimitNeedsASupervisorToo() {
        Cart cart = new Cart();
        cart.append(large);
        cart.append(small);

        assertThat(voids.approvalNeeded(cashier, cart)).hasValueSatisfying(request -> {
            assertThat(request.action()).isEqualTo(AuditAction.VOID_SALE);
            assertThat(request.amount()).contains(Money.ofFen(5400));
        });
        voids.voidSale(TestSessions.demo(terminal, Role.SUPERVISOR), cart, Optional.empty());
        assertThat(records(AuditAction.VOID_SALE)).singleElement()
                .satisfies(r -> assertThat(r.subject()).isEqualTo("2 lines, 18 items"));
    }
}
