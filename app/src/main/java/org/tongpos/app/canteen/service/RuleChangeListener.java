package org.tongpos.app.canteen.service;

import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.service.AuditLog;

/**
 * Where {@link CanteenRules} sends every rule change once it is stored: the audit log's seam
 * (the composition root plugs the audit log in: {@link #into}). It is called after the change is on disk, on the thread
 * that made it, and writes its record durably before the change is reported done; a listener that throws does not
 * undo the change (the change and its record are two durable steps, in that order).
 */
@FunctionalInterface
public interface RuleChangeListener {

    void ruleChanged(RuleChange change);

    /** The terminal's audit log: each change as {@code MEAL_RULE_CHANGED}, subject, before → after, and who approved it in place. */
    static RuleChangeListener into(AuditLog log) {
        return change -> log.record(AuditEntry.by(change.by(), AuditAction.MEAL_RULE_CHANGED).subject(change.subject())
                .detail("'" + change.before() + "' -> '" + change.after() + "'").approvedBy(change.approver()));
    }
}
