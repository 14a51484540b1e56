package org.tongpos.app.operators.service;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tongpos.app.Terminal;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.LoginPolicy;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.testkit.MutableClock;

/**
 * A real terminal (H2 file in a temporary directory) with the demo operators and a clock the test moves, and the
 * operators' services over its database with a fast PIN hasher (new PINs hash in a millisecond; the demo operators'
 * stored hashes are the real 210,000-iteration ones).
 */
final class OperatorsFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-30T03:00:00Z");
    static final LoginPolicy POLICY = new LoginPolicy(5, Duration.ofMinutes(15));

    final MutableClock clock = new MutableClock(START);
    final Path directory;
    Terminal terminal;
    OperatorServices services;

    OperatorsFixture(Path directory) {
        this.directory = directory;
        open();
        services.setup().installDemoOperators(system());
    }

    /** Opens the terminal (again, after {@link #restart}). */
    private void open() {
        terminal = Terminal.open(directory, clock);
        services = new OperatorServices(terminal.database(), clock, POLICY, new PinHasher(1_000, new SecureRandom()));
    }

    /** Closes the terminal and opens it again on the same directory, as after a power cut and a restart. */
    void restart() {
        terminal.close();
        open();
    }

    Session system() {
        return Session.commandLine(Session.SYSTEM, clock.instant());
    }

    Operator operator(String number) {
        return services.operators().find(number).orElseThrow();
    }

    Session loggedIn(String number) {
        return Session.loggedIn(operator(number), clock.instant());
    }

    List<AuditRecord> audit() {
        return services.audit().list(system(), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
    }

    @Override
    public void close() {
        terminal.close();
    }
}
