package org.tongpos.app.operators.domain;

import java.util.Objects;
import java.util.Optional;
import org.tongpos.app.money.domain.Money;

/**
 * An act that needs an operator with {@code permission} to approve it there and then (number and PIN): what the
 * approval prompt shows and what the audit log records as approved.
 *
 * @param action  what is approved, as the audit log names it ({@link AuditAction#VOID_LINE}, {@link AuditAction#REFUND})
 * @param subject what it concerns, shown and recorded as is (a product and quantity, a receipt number)
 * @param amount  the money concerned, if any
 * @param detail  more for the record (a reason, the limit that was passed); may be empty
 */
public record ApprovalRequest(Permission permission, AuditAction action, String subject, Optional<Money> amount,
                              String detail) {

    public ApprovalRequest {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(detail, "detail");
    }

    public static ApprovalRequest of(Permission permission, AuditAction action, String subject, Money amount,
                                     String detail) {
        return new ApprovalRequest(permission, action, subject, Optional.of(amount), detail);
    }
}
