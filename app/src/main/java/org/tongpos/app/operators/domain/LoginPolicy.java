package org.tongpos.app.operators.domain;

import java.time.Duration;

/**
 * How many wrong PINs in a row lock an operator out, and for how long ({@code login.max-attempts},
 * {@code login.lockout-minutes}). Counted per operator, across restarts.
 */
public record LoginPolicy(int maxAttempts, Duration lockout) {

    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15));

    public LoginPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive");
        }
    }
}
