package org.tongpos.app.operators.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditEntry;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.OperatorRules;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.storage.DurableTransaction;
import org.tongpos.app.operators.store.OperatorStore;
import org.tongpos.sync.journal.ApiTimes;

/**
 * Managing operators: add, list, set a PIN, disable, enable. Changes need {@link Permission#MANAGE_OPERATORS}
 * (a manager, or the command line); the list needs {@link Permission#READ_AUDIT} too (an auditor reads it). Each
 * change and its audit record commit together, durably. PINs are only ever stored as {@link PinHasher} hashes.
 */
public final class OperatorService {

    private final OperatorStore operators;
    private final PinHasher hasher;
    private final AuditLog audit;
    private final DurableTransaction durable;
    private final Clock clock;

    OperatorService(OperatorStore operators, PinHasher hasher, AuditLog audit, DurableTransaction durable,
                    Clock clock) {
        this.operators = operators;
        this.hasher = hasher;
        this.audit = audit;
        this.durable = durable;
        this.clock = clock;
    }

    /** Every operator by number (never their PINs). */
    public List<Operator> list(Session reader) {
        if (!reader.may(Permission.MANAGE_OPERATORS)) {
            reader.require(Permission.READ_AUDIT);
        }
        return operators.all();
    }

    /** The operator with that number, if any (no permission needed: a log-in prompt shows names). */
    public Optional<Operator> find(String number) {
        return OperatorRules.isNumber(number) ? operators.find(number) : Optional.empty();
    }

    /**
     * Adds an operator.
     *
     * @param mustChange true when the operator must replace this PIN at their first log-in
     */
    public Operator add(Session by, String number, String name, Role role, char[] pin, boolean mustChange)
            throws OperatorException {
        by.require(Permission.MANAGE_OPERATORS);
        if (!OperatorRules.isNumber(number)) {
            throw new OperatorException("operators.number.invalid", String.valueOf(number));
        }
        if (!OperatorRules.isName(name)) {
            throw new OperatorException("operators.name.invalid", OperatorRules.NAME_MAX);
        }
        checkPin(pin);
        Operator operator = Operator.create(number, name.strip(), role, mustChange);
        String hash = hasher.hash(pin);
        String now = ApiTimes.format(OffsetDateTime.now(clock).withNano(0));
        boolean added = durable.run(c -> {
            if (!operators.insert(c, operator, hash, now)) {
                return false;
            }
            audit.append(c, AuditEntry.by(by, AuditAction.OPERATOR_ADDED).subject(number)
                    .detail(operator.name() + " " + role + (mustChange ? "; must change PIN" : "")));
            return true;
        });
        if (!added) {
            throw new OperatorException("operators.number.taken", number);
        }
        return operator;
    }

    /** Sets an operator's PIN (and ends any lockout). */
    public void setPin(Session by, String number, char[] pin, boolean mustChange) throws OperatorException {
        by.require(Permission.MANAGE_OPERATORS);
        existing(number);
        checkPin(pin);
        String hash = hasher.hash(pin);
        durable.run(c -> {
            operators.setPin(c, number, hash, mustChange);
            return audit.append(c, AuditEntry.by(by, AuditAction.PIN_SET).subject(number)
                    .detail(mustChange ? "must change at next log-in" : ""));
        });
    }

    /** Disables an operator: they can no longer log in or approve. The last enabled manager stays. */
    public void disable(Session by, String number) throws OperatorException {
        by.require(Permission.MANAGE_OPERATORS);
        Operator operator = existing(number);
        if (!operator.enabled()) {
            return;
        }
        boolean done = durable.run(c -> {
            if (operator.role() == Role.MANAGER && operators.enabledCount(c, Role.MANAGER) <= 1) {
                return false;
            }
            operators.setEnabled(c, number, false);
            audit.append(c, AuditEntry.by(by, AuditAction.OPERATOR_DISABLED).subject(number));
            return true;
        });
        if (!done) {
            throw new OperatorException("operators.lastManager", number);
        }
    }

    public void enable(Session by, String number) throws OperatorException {
        by.require(Permission.MANAGE_OPERATORS);
        Operator operator = existing(number);
        if (operator.enabled()) {
            return;
        }
        durable.run(c -> {
            operators.setEnabled(c, number, true);
            return audit.append(c, AuditEntry.by(by, AuditAction.OPERATOR_ENABLED).subject(number));
        });
    }

    /**
     * The command line's session: acting as {@code number} when given (which must name an enabled operator), else as
     * {@code fallback} ({@code system}, or the {@code cashier.name} of a scripted sale). Every permission either way.
     */
    public Session commandLineSession(Optional<String> number, String fallback) throws OperatorException {
        if (number.isEmpty()) {
            return Session.commandLine(fallback, clock.instant());
        }
        Operator operator = existing(number.get());
        if (!operator.enabled()) {
            throw new OperatorException("operators.disabled", operator.number());
        }
        return Session.commandLine(operator, clock.instant());
    }

    private Operator existing(String number) throws OperatorException {
        return find(number).orElseThrow(() -> new OperatorException("operators.unknown", String.valueOf(number)));
    }

    private static void checkPin(char[] pin) throws OperatorException {
        Optional<String> problem = OperatorRules.pinProblem(pin);
        if (problem.isPresent()) {
            throw new OperatorException(problem.get(), OperatorRules.PIN_MIN, OperatorRules.PIN_MAX);
        }
    }
}
