package org.tongpos.app.checkout.service;

import java.time.Duration;
import java.util.Optional;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.Approval;
import org.tongpos.app.operators.service.AuditLog;

/**
 * Voids before payment: removing a line, or clearing the whole sale. Up to the configured amount
 * ({@code void.approval-above}, in yuan) anyone who may sell may void; above it the session needs
 * {@link Permission#VOID_OVER_LIMIT} or a supervisor's {@link Approval} for exactly this void. Every void is written to
 * the audit log (with its approver) before it is done.
 */
public final class VoidService {

    private final AuditLog audit;
    private final Money approvalAbove;
    /** A void this long after the sale's first line needs a supervisor too; zero: never. */
    private final Duration approvalAfter;

    public VoidService(AuditLog audit, Money approvalAbove) {
        this(audit, approvalAbove, Duration.ZERO);
    }

    public VoidService(AuditLog audit, Money approvalAbove, Duration approvalAfter) {
        this.audit = audit;
        this.approvalAbove = approvalAbove;
        this.approvalAfter = approvalAfter;
    }

    /**
     * The approval removing {@code line} needs, counting also the time since the sale began
     * ({@code void.approval-after-minutes}).
     */
    public Optional<ApprovalRequest> approvalNeeded(Session session, CartLine line, Duration sinceSaleBegan) {
        return needed(session, request(AuditAction.VOID_LINE, lineSubject(line), line.amount()), sinceSaleBegan);
    }

    /**
     * Records the removal of {@code line} with the cashier's reason, counting the time since the sale began; as
     * {@link #voidLine(Session, CartLine, Optional)}.
     */
    public void voidLine(Session session, CartLine line, Optional<Approval> approval, String reason,
                         Duration sinceSaleBegan) {
        record(session, request(AuditAction.VOID_LINE, lineSubject(line), line.amount()), approval, reason,
                sinceSaleBegan);
    }

    /** Records the clearing of {@code cart} with the cashier's reason; as {@link #voidLine}. */
    public void voidSale(Session session, Cart cart, Optional<Approval> approval, String reason,
                         Duration sinceSaleBegan) {
        record(session, request(AuditAction.VOID_SALE, saleSubject(cart), cart.total()), approval, reason,
                sinceSaleBegan);
    }

    /** The approval clearing {@code cart} needs, counting also the time since the sale began. */
    public Optional<ApprovalRequest> approvalNeeded(Session session, Cart cart, Duration sinceSaleBegan) {
        return needed(session, request(AuditAction.VOID_SALE, saleSubject(cart), cart.total()), sinceSaleBegan);
    }

    /** Voids of more than this need a supervisor. */
    public Money approvalAbove() {
        return approvalAbove;
    }

    /** The approval removing {@code line} needs from {@code session}, if it needs one. */
    public Optional<ApprovalRequest> approvalNeeded(Session session, CartLine line) {
        return needed(session, request(AuditAction.VOID_LINE, lineSubject(line), line.amount()));
    }

    /** The approval clearing {@code cart} needs from {@code session}, if it needs one. */
    public Optional<ApprovalRequest> approvalNeeded(Session session, Cart cart) {
        return needed(session, request(AuditAction.VOID_SALE, saleSubject(cart), cart.total()));
    }

    /**
     * Records the removal of {@code line} (durably); the caller removes it from the cart once this returns.
     *
     * @throws AccessDeniedException when the session may not void, or the void needs an approval it was not given
     */
    public void voidLine(Session session, CartLine line, Optional<Approval> approval) {
        record(session, request(AuditAction.VOID_LINE, lineSubject(line), line.amount()), approval);
    }

    /** Records the clearing of {@code cart} (durably); as {@link #voidLine}. */
    public void voidSale(Session session, Cart cart, Optional<Approval> approval) {
        record(session, request(AuditAction.VOID_SALE, saleSubject(cart), cart.total()), approval);
    }

    private void record(Session session, ApprovalRequest request, Optional<Approval> approval) {
        record(session, request, approval, "", Duration.ZERO);
    }

    private void record(Session session, ApprovalRequest request, Optional<Approval> approval, String reason,
                        Duration sinceSaleBegan) {
        session.require(Permission.VOID);
        AuditEntry entry = AuditEntry.by(session, request.action()).subject(request.subject())
                .amount(request.amount().orElseThrow());
        String why = reason == null ? "" : reason.strip();
        if (!why.isEmpty()) {
            entry = entry.detail(why);
        }
        if (needed(session, request, sinceSaleBegan).isPresent()) {
            if (approval.isEmpty() || !approval.get().approves(request)) {
                throw new AccessDeniedException(session.operator().orElseThrow(), request.permission());
            }
            entry = entry.approvedBy(approval.get().approver().number())
                    .detail((why.isEmpty() ? "" : why + "; ") + "approval seq " + approval.get().auditSeq());
        }
        audit.record(entry);
    }

    private Optional<ApprovalRequest> needed(Session session, ApprovalRequest request) {
        return needed(session, request, Duration.ZERO);
    }

    private Optional<ApprovalRequest> needed(Session session, ApprovalRequest request, Duration sinceSaleBegan) {
        boolean overLimit = request.amount().orElseThrow().compareTo(approvalAbove) > 0;
        boolean late = !approvalAfter.isZero() && sinceSaleBegan.compareTo(approvalAfter) >= 0;
        return (overLimit || late) && !session.may(request.permission()) ? Optional.of(request) : Optional.empty();
    }

    private ApprovalRequest request(AuditAction action, String subject, Money amount) {
        return ApprovalRequest.of(Permission.VOID_OVER_LIMIT, action, subject, amount,
                "above " + approvalAbove.toYuanString());
    }

    private static String lineSubject(CartLine line) {
        String quantity;
        if (line.quantity() == 0) {
            quantity = "1";
        } else if (line.isWeighed()) {
            quantity = String.format("%d.%03dkg", line.quantity() / 1000, line.quantity() % 1000);
        } else {
            quantity = Long.toString(line.quantity());
        }
        return line.product().name() + " ×" + quantity;
    }

    private static String saleSubject(Cart cart) {
        return cart.size() + " lines, " + cart.itemCount() + " items";
    }
}
