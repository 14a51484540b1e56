package org.tongpos.app.operators.service;

import java.time.Instant;
import java.util.Optional;
import org.tongpos.app.operators.domain.LoginRefusal;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Session;

/** What a log-in (or an unlock) came to. */
public sealed interface LoginResult {

    /** In: the session to hand to the services. */
    record LoggedIn(Session session) implements LoginResult {
    }

    /**
     * The PIN was right but must be replaced before the operator may work (the first manager's known PIN, or one a
     * manager set with "must change"): ask for a new one and call {@link LoginService#changePinAndLogIn}.
     */
    record MustChangePin(Operator operator) implements LoginResult {
    }

    /** Not in, and why; {@code attemptsLeft} for a wrong PIN, {@code lockedUntil} for a lockout. */
    record Refused(LoginRefusal reason, int attemptsLeft, Optional<Instant> lockedUntil) implements LoginResult {
    }

    /** The new PIN is not acceptable (a bundle key: too short, not digits, the same as before); nothing changed. */
    record PinRejected(String problemKey) implements LoginResult {
    }
}
