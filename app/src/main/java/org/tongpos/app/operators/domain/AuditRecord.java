package org.tongpos.app.operators.domain;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One entry of the audit log as stored: its place in the hash chain and what happened.
 *
 * @param occurredAt  ISO-8601 with offset, seconds ({@code 2026-11-30T12:05:09+08:00})
 * @param source      how the actor was acting ({@link Session.Source} name)
 * @param actor       the operator number acting, or {@code system}
 * @param actorRole   the actor's role then ({@link Role} name), empty for the command line naming no operator
 * @param approver    the number of the operator who approved it, empty when no approval was needed
 * @param action      what happened
 * @param subject     what it happened to: an operator number, a product, a transaction id
 * @param detail      more, in plain text (a reason, a setting's new value); never a PIN
 * @param amountFen   the money concerned, when there is
 */
public record AuditRecord(long seq, String occurredAt, String source, String actor, String actorRole,
                          String approver, AuditAction action, String subject, String detail, OptionalLong amountFen,
                          String prevHash, String entryHash) {

    public AuditRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(amountFen, "amountFen");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(entryHash, "entryHash");
    }

    /** Recomputes this record's hash from its content and {@link #prevHash}. */
    public String computeHash() {
        return AuditHashes.hash(this);
    }

    /** True when the record's own hash matches its content and it follows {@code expectedPrev}. */
    public boolean verifies(String expectedPrev) {
        return prevHash.equals(expectedPrev) && entryHash.equals(computeHash());
    }
}
