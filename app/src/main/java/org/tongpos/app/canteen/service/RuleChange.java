package org.tongpos.app.canteen.service;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.tongpos.app.operators.domain.Session;

/**
 * One change of the canteen's meal rules, as the audit log must record it: what changed ({@code subject}, e.g.
 * {@code period 午餐}, {@code price 午餐 STAFF}, {@code limit offline.account-spend}), the value before and after
 * (empty when there was none / it was removed), who made it ({@code operator}, as recorded; {@code by}, the session)
 * and when; {@code approver}: who approved it in place (their number), empty when no one needed to.
 */
public record RuleChange(String subject, String before, String after, String operator, OffsetDateTime at, Session by,
                         String approver) {

    public RuleChange {
        Objects.requireNonNull(subject, "subject");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        approver = approver == null ? "" : approver;
    }
}
