package org.tongpos.app.operators.domain;

import java.util.Objects;
import java.util.OptionalLong;
import org.tongpos.app.money.domain.Money;

/**
 * What to write to the audit log; the log adds the time, the {@code seq} and the hashes. Start one with
 * {@link #by(Session, AuditAction)}:
 *
 * <pre>{@code
 * audit.record(AuditEntry.by(session, AuditAction.REFUND).subject(receiptNo).amount(total)
 *         .detail("reason: damaged").approvedBy(approval.approver().number()));
 * }</pre>
 */
public record AuditEntry(String source, String actor, String actorRole, String approver, AuditAction action,
                         String subject, String detail, OptionalLong amountFen) {

    public AuditEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(amountFen, "amountFen");
    }

    /**
     * An entry of {@code action} by the session's actor, with nothing else yet. The actor's role is the operator's
     * (also when the command line acts as an {@code --operator}); empty for the command line naming nobody.
     */
    public static AuditEntry by(Session session, AuditAction action) {
        return new AuditEntry(session.source().name(), session.recordedAs(),
                session.operator().map(o -> o.role().name()).orElse(""), "", action, "", "", OptionalLong.empty());
    }

    /**
     * An entry by an operator who has no session (yet): a failed log-in, a lockout. {@code number} is what was typed;
     * {@code operator} is who it names, when anyone.
     */
    public static AuditEntry byOperatorNumber(Session.Source source, String number, Role role, AuditAction action) {
        return new AuditEntry(source.name(), number, role == null ? "" : role.name(), "", action, "", "",
                OptionalLong.empty());
    }

    public AuditEntry subject(String value) {
        return new AuditEntry(source, actor, actorRole, approver, action, value, detail, amountFen);
    }

    public AuditEntry detail(String value) {
        return new AuditEntry(source, actor, actorRole, approver, action, subject, value, amountFen);
    }

    public AuditEntry amount(Money value) {
        return new AuditEntry(source, actor, actorRole, approver, action, subject, detail, OptionalLong.of(value.fen()));
    }

    /** The number of the operator who approved the act (see {@code SupervisorApproval}). */
    public AuditEntry approvedBy(String operatorNumber) {
        return new AuditEntry(source, actor, actorRole, operatorNumber, action, subject, detail, amountFen);
    }
}
