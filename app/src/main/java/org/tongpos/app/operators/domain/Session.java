package org.tongpos.app.operators.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is acting, handed to every service that changes or reads protected data; the service checks the permission
 * itself ({@link #require}), so a hidden button is never the only guard.
 *
 * <ul>
 *   <li>{@link Source#WINDOW}: an operator who logged in with their PIN;</li>
 *   <li>{@link Source#AUTOMATIC}: the operator of the {@code login.auto} setting, logged in without a PIN when the
 *       window started (a cashier only, so that no higher right ever comes without a PIN);</li>
 *   <li>{@link Source#COMMAND_LINE}: the administrator's command line, which may do everything (whoever can read the
 *       data directory can change it anyway) and is recorded as the {@code --operator} it names, or {@code system}.</li>
 * </ul>
 */
public final class Session {

    /** The actor recorded for command-line work that names no operator. */
    public static final String SYSTEM = "system";

    /** How the session began. */
    public enum Source {
        WINDOW, AUTOMATIC, COMMAND_LINE
    }

    private final Source source;
    private final Operator operator;
    private final String recordedAs;
    private final Instant startedAt;

    private Session(Source source, Operator operator, String recordedAs, Instant startedAt) {
        this.source = Objects.requireNonNull(source, "source");
        this.operator = operator;
        this.recordedAs = Objects.requireNonNull(recordedAs, "recordedAs");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** An operator who logged in with their PIN. */
    public static Session loggedIn(Operator operator, Instant at) {
        return new Session(Source.WINDOW, Objects.requireNonNull(operator, "operator"), operator.number(), at);
    }

    /** The {@code login.auto} operator, logged in when the window started. Only a cashier may be. */
    public static Session automatic(Operator operator, Instant at) {
        if (operator.role() != Role.CASHIER) {
            throw new IllegalArgumentException("only a cashier logs in automatically, not " + operator.role());
        }
        return new Session(Source.AUTOMATIC, operator, operator.number(), at);
    }

    /** The command line acting as {@code operator} (its {@code --operator}). */
    public static Session commandLine(Operator operator, Instant at) {
        return new Session(Source.COMMAND_LINE, Objects.requireNonNull(operator, "operator"), operator.number(), at);
    }

    /**
     * The command line naming no operator: recorded as {@code recordedAs}, {@link #SYSTEM} or what the
     * {@code cashier.name} setting says for scripted sales.
     */
    public static Session commandLine(String recordedAs, Instant at) {
        return new Session(Source.COMMAND_LINE, null, recordedAs, at);
    }

    public Source source() {
        return source;
    }

    public boolean isAutomatic() {
        return source == Source.AUTOMATIC;
    }

    public boolean isCommandLine() {
        return source == Source.COMMAND_LINE;
    }

    /** The operator acting; empty for the command line that names none. */
    public Optional<Operator> operator() {
        return Optional.ofNullable(operator);
    }

    /** The role acting; empty for the command line (which holds every permission). */
    public Optional<Role> role() {
        return operator == null || isCommandLine() ? Optional.empty() : Optional.of(operator.role());
    }

    /** What records name as the actor (the cashier of record of a sale, the actor of an audit record). */
    public String recordedAs() {
        return recordedAs;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean may(Permission permission) {
        return isCommandLine() || operator.role().has(permission);
    }

    /** Returns when the session holds the permission, else throws the denial the services report. */
    public void require(Permission permission) {
        if (!may(permission)) {
            throw new AccessDeniedException(operator, permission);
        }
    }

    @Override
    public String toString() {
        return "Session[" + source + " " + recordedAs + (operator == null ? "" : " " + operator.role()) + "]";
    }
}
