package org.tongpos.app.operators.service;

import java.time.Instant;
import java.util.Optional;
import org.tongpos.app.operators.domain.LoginRefusal;
import org.tongpos.app.operators.domain.Operator;

/**
 * The number and PIN typed into an approval prompt did not approve the request. Either they were not accepted
 * ({@link #refusal()}: unknown, wrong PIN, locked out, disabled), or the operator may not approve it
 * ({@link #notAllowed()}) or must first change their PIN at log-in ({@link #mustChangePin()}). Recorded in the audit
 * log; nothing was approved.
 */
public final class ApprovalRefusedException extends Exception {

    private final transient Optional<LoginRefusal> refusal;
    private final transient Optional<Operator> operator;
    private final int attemptsLeft;
    private final transient Optional<Instant> lockedUntil;
    private final boolean mustChangePin;

    private ApprovalRefusedException(String message, Optional<LoginRefusal> refusal, Optional<Operator> operator,
                                     int attemptsLeft, Optional<Instant> lockedUntil, boolean mustChangePin) {
        super(message);
        this.refusal = refusal;
        this.operator = operator;
        this.attemptsLeft = attemptsLeft;
        this.lockedUntil = lockedUntil;
        this.mustChangePin = mustChangePin;
    }

    static ApprovalRefusedException refused(PinCheck.Refused refused) {
        return new ApprovalRefusedException("approval refused: " + refused.reason(), Optional.of(refused.reason()),
                refused.operator(), refused.attemptsLeft(), refused.lockedUntil(), false);
    }

    static ApprovalRefusedException notAllowed(Operator operator) {
        return new ApprovalRefusedException("operator " + operator.number() + " (" + operator.role()
                + ") may not approve this", Optional.empty(), Optional.of(operator), 0, Optional.empty(), false);
    }

    static ApprovalRefusedException mustChangePin(Operator operator) {
        return new ApprovalRefusedException("operator " + operator.number() + " must change the PIN first",
                Optional.empty(), Optional.of(operator), 0, Optional.empty(), true);
    }

    /** Why the number and PIN were not accepted; empty when they were but the operator cannot approve. */
    public Optional<LoginRefusal> refusal() {
        return refusal;
    }

    /** The operator the number named, when one did. */
    public Optional<Operator> operator() {
        return operator;
    }

    public boolean notAllowed() {
        return refusal.isEmpty() && !mustChangePin;
    }

    public boolean mustChangePin() {
        return mustChangePin;
    }

    public int attemptsLeft() {
        return attemptsLeft;
    }

    public Optional<Instant> lockedUntil() {
        return lockedUntil;
    }
}
