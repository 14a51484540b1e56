package org.tongpos.app.operators.service;

import java.time.Instant;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.operators.domain.Operator;

/**
 * Proof that an operator with the needed permission approved a request there and then, with their PIN: only
 * {@link SupervisorApproval#approve} makes one, after recording it in the audit log ({@link #auditSeq}). Hand it to
 * the service that does the act, which records the act with {@code approvedBy(approval.approver().number())}.
 */
public final class Approval {

    private final Operator approver;
    private final ApprovalRequest request;
    private final long auditSeq;
    private final Instant at;

    Approval(Operator approver, ApprovalRequest request, long auditSeq, Instant at) {
        this.approver = approver;
        this.request = request;
        this.auditSeq = auditSeq;
        this.at = at;
    }

    public Operator approver() {
        return approver;
    }

    public ApprovalRequest request() {
        return request;
    }

    /** The seq of the APPROVAL_GRANTED record in the audit log. */
    public long auditSeq() {
        return auditSeq;
    }

    public Instant at() {
        return at;
    }

    /** True when it approves {@code request} (the same permission, act and subject). */
    public boolean approves(ApprovalRequest other) {
        return request.permission() == other.permission() && request.action() == other.action()
                && request.subject().equals(other.subject());
    }

    @Override
    public String toString() {
        return "Approval[" + request.action() + " " + request.subject() + " by " + approver.number() + "]";
    }
}
