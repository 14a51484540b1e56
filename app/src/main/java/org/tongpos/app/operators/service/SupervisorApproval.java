package org.tongpos.app.operators.service;

import java.time.Clock;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Session;

/**
 * Approval in place: an act the session's role may not do alone asks an operator who may for their number and PIN,
 * right there. A right PIN of an operator holding the permission is recorded (APPROVAL_GRANTED: who asked, who
 * approved, what, how much) durably before the {@link Approval} is handed back; a wrong PIN counts towards that
 * operator's lockout like a wrong log-in; an operator without the permission is recorded as APPROVAL_REFUSED.
 *
 * <pre>{@code
 * ApprovalRequest request = ApprovalRequest.of(Permission.REFUND, AuditAction.REFUND, receiptNo, amount, "");
 * if (approvals.needed(session, request)) {
 *     Approval approval = approvals.approve(session, request, typedNumber, typedPin); // off the FX thread
 *     refunds.refund(session, receiptNo, Optional.of(approval));
 * }
 * }</pre>
 * From a screen, use {@code operators.ui.ApprovalViewModel#ask}, which shows the prompt and calls this.
 */
public final class SupervisorApproval {

    private final PinCheck pins;
    private final AuditLog audit;
    private final Clock clock;

    SupervisorApproval(PinCheck pins, AuditLog audit, Clock clock) {
        this.pins = pins;
        this.audit = audit;
        this.clock = clock;
    }

    /** True when the session may not do it alone (and so must ask). */
    public boolean needed(Session requester, ApprovalRequest request) {
        return !requester.may(request.permission());
    }

    /**
     * Checks {@code number} and {@code pin} for {@code request} and records the approval; slow on purpose (the PIN
     * hash): call it off the FX thread.
     *
     * @throws ApprovalRefusedException when they do not approve it (recorded; nothing approved)
     */
    public Approval approve(Session requester, ApprovalRequest request, String number, char[] pin)
            throws ApprovalRefusedException {
        PinCheck.Outcome outcome = pins.check(number, pin, requester.source(),
                "approval of " + request.action() + " for " + requester.recordedAs());
        if (outcome instanceof PinCheck.Refused refused) {
            throw ApprovalRefusedException.refused(refused);
        }
        Operator approver = ((PinCheck.Accepted) outcome).operator();
        if (approver.mustChangePin()) {
            throw ApprovalRefusedException.mustChangePin(approver);
        }
        if (!approver.role().has(request.permission())) {
            audit.record(entry(requester, request, AuditAction.APPROVAL_REFUSED, approver)
                    .detail(describe(request) + "; " + approver.role() + " lacks " + request.permission()));
            throw ApprovalRefusedException.notAllowed(approver);
        }
        AuditRecord record = audit.record(entry(requester, request, AuditAction.APPROVAL_GRANTED, approver)
                .detail(describe(request)));
        return new Approval(approver, request, record.seq(), clock.instant());
    }

    private static AuditEntry entry(Session requester, ApprovalRequest request, AuditAction action,
                                    Operator approver) {
        AuditEntry entry = AuditEntry.by(requester, action).subject(request.subject()).approvedBy(approver.number());
        return request.amount().map(entry::amount).orElse(entry);
    }

    private static String describe(ApprovalRequest request) {
        String text = request.action() + " needs " + request.permission();
        return request.detail().isEmpty() ? text : text + "; " + request.detail();
    }
}
