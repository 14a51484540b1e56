package org.tongpos.sync.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * One kind of misbehaviour with its parameter.
 *
 * @param delay             for {@link FaultKind#DELAY} and {@link FaultKind#DELAY_AFTER_COMMIT}
 * @param retryAfterSeconds for {@link FaultKind#RATE_LIMIT}
 */
public record Fault(FaultKind kind, Duration delay, long retryAfterSeconds) {

    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
    }

    public static Fault delay(Duration delay) {
        return new Fault(FaultKind.DELAY, delay, 0);
    }

    public static Fault delayAfterCommit(Duration delay) {
        return new Fault(FaultKind.DELAY_AFTER_COMMIT, delay, 0);
    }

    public static Fault dropBeforeExecuting() {
        return new Fault(FaultKind.DROP_BEFORE_EXECUTING, null, 0);
    }

    public static Fault unavailableBeforeExecuting() {
        return new Fault(FaultKind.UNAVAILABLE_BEFORE_EXECUTING, null, 0);
    }

    public static Fault rateLimit(long retryAfterSeconds) {
        return new Fault(FaultKind.RATE_LIMIT, null, retryAfterSeconds);
    }

    public static Fault dropAfterCommit() {
        return new Fault(FaultKind.DROP_AFTER_COMMIT, null, 0);
    }

    public static Fault error500AfterCommit() {
        return new Fault(FaultKind.ERROR_500_AFTER_COMMIT, null, 0);
    }

    public static Fault replayedAfterCommit() {
        return new Fault(FaultKind.REPLAYED_AFTER_COMMIT, null, 0);
    }

    public static Fault forgeSignature() {
        return new Fault(FaultKind.FORGE_SIGNATURE, null, 0);
    }

    public static Fault omitSignature() {
        return new Fault(FaultKind.OMIT_SIGNATURE, null, 0);
    }
}
