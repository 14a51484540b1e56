package org.tongpos.app.operators.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.LoginPolicy;
import org.tongpos.app.operators.domain.LoginRefusal;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.app.operators.store.OperatorStore;
import org.tongpos.sync.journal.ApiTimes;

/**
 * Checks an operator number and PIN, for log-in and for approvals alike: counts wrong PINs per operator, locks the
 * operator out after {@link LoginPolicy#maxAttempts()} of them in a row, and records every refusal in the audit log,
 * durably, before it answers (a lockout survives a crash and a restart). A locked-out operator's PIN is not even
 * checked. One check at a time, so that two prompts cannot both use the last attempt.
 */
final class PinCheck {

    /** The outcome: accepted (the operator), or refused and why. */
    sealed interface Outcome permits Accepted, Refused {
    }

    record Accepted(Operator operator) implements Outcome {
    }

    /**
     * @param operator          the operator the number names, when one does
     * @param attemptsLeft      wrong PINs still allowed before a lockout (for {@link LoginRefusal#WRONG_PIN})
     * @param lockedUntil       the end of the lockout (for {@link LoginRefusal#LOCKED_OUT})
     */
    record Refused(LoginRefusal reason, Optional<Operator> operator, int attemptsLeft, Optional<Instant> lockedUntil)
            implements Outcome {
    }

    private final OperatorStore operators;
    private final PinHasher hasher;
    private final AuditLog audit;
    private final DurableTransaction durable;
    private final Clock clock;
    private final LoginPolicy policy;

    PinCheck(OperatorStore operators, PinHasher hasher, AuditLog audit, DurableTransaction durable, Clock clock,
             LoginPolicy policy) {
        this.operators = operators;
        this.hasher = hasher;
        this.audit = audit;
        this.durable = durable;
        this.clock = clock;
        this.policy = policy;
    }

    LoginPolicy policy() {
        return policy;
    }

    /**
     * @param source  how the number and PIN came (the window's log-in or approval prompt)
     * @param context what they were typed for, recorded with a refusal ({@code login}, {@code approval VOID_LINE})
     */
    synchronized Outcome check(String number, char[] pin, Session.Source source, String context) {
        Optional<OperatorStore.Credentials> found = operators.credentials(number);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            hasher.verifyDecoy(pin);
            refuse(source, number, null, "unknown operator; " + context);
            return new Refused(LoginRefusal.UNKNOWN_OPERATOR, Optional.empty(), 0, Optional.empty());
        }
        Operator operator = found.get().operator();
        if (!operator.enabled()) {
            refuse(source, number, operator, "disabled; " + context);
            return new Refused(LoginRefusal.DISABLED, Optional.of(operator), 0, Optional.empty());
        }
        if (operator.isLockedAt(now)) {
            refuse(source, number, operator, "locked out until " + time(operator.lockedUntil().get()) + "; " + context);
            return new Refused(LoginRefusal.LOCKED_OUT, Optional.of(operator), 0, operator.lockedUntil());
        }
        if (!hasher.verify(pin, found.get().pinHash())) {
            return wrongPin(source, operator, context, now);
        }
        boolean rehash = hasher.needsRehash(found.get().pinHash());
        if (operator.failedAttempts() > 0 || operator.lockedUntil().isPresent() || rehash) {
            String newHash = rehash ? hasher.hash(pin) : null;
            durable.run(c -> {
                operators.setFailures(c, number, 0, Optional.empty());
                if (newHash != null) {
                    operators.rehashPin(c, number, newHash);
                }
                return null;
            });
        }
        return new Accepted(new Operator(operator.number(), operator.name(), operator.role(), true,
                operator.mustChangePin(), 0, Optional.empty()));
    }

    private Outcome wrongPin(Session.Source source, Operator operator, String context, Instant now) {
        // an expired lockout starts a new count
        int failed = (operator.lockedUntil().isPresent() ? 0 : operator.failedAttempts()) + 1;
        String number = operator.number();
        if (failed >= policy.maxAttempts()) {
            Instant until = now.plus(policy.lockout());
            durable.run(c -> {
                operators.setFailures(c, number, 0, Optional.of(until));
                audit.append(c, entry(source, number, operator, AuditAction.LOGIN_FAILED)
                        .detail("wrong PIN " + failed + "/" + policy.maxAttempts() + "; " + context));
                audit.append(c, entry(source, number, operator, AuditAction.LOCKED_OUT)
                        .detail("until " + time(until) + " after " + failed + " wrong PINs"));
                return null;
            });
            return new Refused(LoginRefusal.LOCKED_OUT, Optional.of(operator), 0, Optional.of(until));
        }
        durable.run(c -> {
            operators.setFailures(c, number, failed, Optional.empty());
            audit.append(c, entry(source, number, operator, AuditAction.LOGIN_FAILED)
                    .detail("wrong PIN " + failed + "/" + policy.maxAttempts() + "; " + context));
            return null;
        });
        return new Refused(LoginRefusal.WRONG_PIN, Optional.of(operator), policy.maxAttempts() - failed,
                Optional.empty());
    }

    private void refuse(Session.Source source, String number, Operator operator, String detail) {
        audit.record(entry(source, number, operator, AuditAction.LOGIN_FAILED).detail(detail));
    }

    private static AuditEntry entry(Session.Source source, String number, Operator operator, AuditAction action) {
        return AuditEntry.byOperatorNumber(source, number, operator == null ? null : operator.role(), action)
                .subject(number);
    }

    private String time(Instant instant) {
        return ApiTimes.format(OffsetDateTime.ofInstant(instant, clock.getZone()));
    }
}
