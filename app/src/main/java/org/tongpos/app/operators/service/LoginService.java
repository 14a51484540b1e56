package org.tongpos.app.operators.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.LoginRefusal;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.OperatorRules;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.app.operators.store.OperatorStore;

/**
 * Log-in, log-out and the lock screen of the window. Every step is in the audit log before it is answered. The
 * command line never logs in: it acts as an administrator ({@link OperatorService#commandLineSession}).
 */
public final class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    /** Why {@code login.auto} could not log anyone in, as a bundle key with the number. */
    public record AutoLoginProblem(String key, String number) {
    }

    /** The automatic session, or why there is none. */
    public record AutoLogin(Optional<Session> session, Optional<AutoLoginProblem> problem) {
        static AutoLogin refused(String key, String number) {
            return new AutoLogin(Optional.empty(), Optional.of(new AutoLoginProblem(key, number)));
        }
    }

    private final OperatorStore operators;
    private final PinHasher hasher;
    private final PinCheck pins;
    private final AuditLog audit;
    private final DurableTransaction durable;
    private final Clock clock;

    LoginService(OperatorStore operators, PinHasher hasher, PinCheck pins, AuditLog audit,
                 DurableTransaction durable, Clock clock) {
        this.operators = operators;
        this.hasher = hasher;
        this.pins = pins;
        this.audit = audit;
        this.durable = durable;
        this.clock = clock;
    }

    /** Log-in at the start of a shift with number and PIN (slow on purpose: call it off the FX thread). */
    public LoginResult logIn(String number, char[] pin) {
        return check(number, pin, "login", operator -> {
            Session session = Session.loggedIn(operator, clock.instant());
            audit.record(AuditEntry.by(session, AuditAction.LOGIN).subject(operator.number()));
            return new LoginResult.LoggedIn(session);
        });
    }

    /**
     * The screen was locked by {@code locked}'s operator; {@code number} and {@code pin} unlock it. The same operator
     * carries on (UNLOCK); another one ends that session (LOGOUT) and starts their own (LOGIN).
     */
    public LoginResult unlock(Session locked, String number, char[] pin) {
        return check(number, pin, "unlock", operator -> {
            Session session = Session.loggedIn(operator, clock.instant());
            if (locked.operator().map(Operator::number).filter(number::equals).isPresent()) {
                audit.record(AuditEntry.by(session, AuditAction.UNLOCK).subject(number));
            } else {
                durable.run(c -> {
                    audit.append(c, AuditEntry.by(locked, AuditAction.LOGOUT).subject(locked.recordedAs())
                            .detail("another operator unlocked the screen"));
                    return audit.append(c, AuditEntry.by(session, AuditAction.LOGIN).subject(number));
                });
            }
            return new LoginResult.LoggedIn(session);
        });
    }

    /**
     * Replaces a PIN that must be changed (after {@link LoginResult.MustChangePin}) and logs in. {@code currentPin}
     * is checked again (counting as an attempt); the new PIN must follow the PIN rules and differ from it.
     */
    public LoginResult changePinAndLogIn(String number, char[] currentPin, char[] newPin) {
        Optional<String> problem = OperatorRules.pinProblem(newPin);
        if (problem.isPresent()) {
            return new LoginResult.PinRejected(problem.get());
        }
        if (Arrays.equals(currentPin, newPin)) {
            return new LoginResult.PinRejected("operators.pin.unchanged");
        }
        PinCheck.Outcome outcome = pins.check(number, currentPin, Session.Source.WINDOW, "PIN change");
        if (outcome instanceof PinCheck.Refused refused) {
            return new LoginResult.Refused(refused.reason(), refused.attemptsLeft(), refused.lockedUntil());
        }
        Operator operator = ((PinCheck.Accepted) outcome).operator();
        String hash = hasher.hash(newPin);
        Operator changed = new Operator(operator.number(), operator.name(), operator.role(), true, false, 0,
                Optional.empty());
        Session session = Session.loggedIn(changed, clock.instant());
        durable.run(c -> {
            operators.setPin(c, number, hash, false);
            audit.append(c, AuditEntry.by(session, AuditAction.PIN_CHANGED).subject(number));
            return audit.append(c, AuditEntry.by(session, AuditAction.LOGIN).subject(number));
        });
        return new LoginResult.LoggedIn(session);
    }

    /**
     * The {@code login.auto} operator, logged in without a PIN. Only an enabled CASHIER: a setting must never give
     * anyone a higher right without their PIN.
     */
    public AutoLogin logInAutomatically(String number) {
        Optional<Operator> found = OperatorRules.isNumber(number) ? operators.find(number) : Optional.empty();
        if (found.isEmpty()) {
            return AutoLogin.refused("login.auto.unknown", number);
        }
        Operator operator = found.get();
        if (!operator.enabled()) {
            return AutoLogin.refused("login.auto.disabled", number);
        }
        if (operator.role() != Role.CASHIER) {
            return AutoLogin.refused("login.auto.notCashier", number);
        }
        Session session = Session.automatic(operator, clock.instant());
        audit.record(AuditEntry.by(session, AuditAction.LOGIN_AUTOMATIC).subject(number).detail("login.auto"));
        LOG.info("logged in automatically as operator {} (login.auto)", number);
        return new AutoLogin(Optional.of(session), Optional.empty());
    }

    /**
     * Hashes a PIN against nothing, once: the JIT compiles PBKDF2 during it, so that the first real log-in takes the
     * time of a warm hash (about 50 ms here) rather than a cold one (0.5–5 s). No database work; call it on a
     * background thread when the window starts.
     */
    public void warmUp() {
        hasher.verifyDecoy(new char[] {'0', '0', '0', '0'});
    }

    public void logOut(Session session) {
        audit.record(AuditEntry.by(session, AuditAction.LOGOUT).subject(session.recordedAs()));
    }

    /** The screen locks (its key, or no input for a while); {@code idle} says which, for the record. */
    public void lock(Session session, boolean idle) {
        audit.record(AuditEntry.by(session, AuditAction.LOCK).subject(session.recordedAs())
                .detail(idle ? "idle" : "key"));
    }

    private interface Accept {
        LoginResult apply(Operator operator);
    }

    private LoginResult check(String number, char[] pin, String context, Accept accept) {
        if (!OperatorRules.isNumber(number)) {
            return new LoginResult.Refused(LoginRefusal.UNKNOWN_OPERATOR, 0,
                    Optional.empty());
        }
        PinCheck.Outcome outcome = pins.check(number, pin, Session.Source.WINDOW, context);
        if (outcome instanceof PinCheck.Refused refused) {
            return new LoginResult.Refused(refused.reason(), refused.attemptsLeft(), refused.lockedUntil());
        }
        Operator operator = ((PinCheck.Accepted) outcome).operator();
        if (operator.mustChangePin()) {
            return new LoginResult.MustChangePin(operator);
        }
        return accept.apply(operator);
    }
}
