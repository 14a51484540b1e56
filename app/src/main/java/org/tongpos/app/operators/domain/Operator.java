package org.tongpos.app.operators.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who works the terminal: a number typed at log-in (and printed on receipts), a name, a role. The PIN's hash
 * never leaves the store and the services that check it.
 *
 * @param mustChangePin  true until the operator has replaced a PIN someone else gave them (the first manager's)
 * @param failedAttempts wrong PINs in a row since the last right one or lockout
 * @param lockedUntil    set while the operator is locked out after too many wrong PINs
 */
public record Operator(String number, String name, Role role, boolean enabled, boolean mustChangePin,
                       int failedAttempts, Optional<Instant> lockedUntil) {

    public Operator {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
    }

    /** A new, enabled operator with no failed attempts. */
    public static Operator create(String number, String name, Role role, boolean mustChangePin) {
        return new Operator(number, name, role, true, mustChangePin, 0, Optional.empty());
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil.isPresent() && now.isBefore(lockedUntil.get());
    }
}
