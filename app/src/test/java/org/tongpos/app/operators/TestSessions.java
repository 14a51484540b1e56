package org.tongpos.app.operators;

import java.time.Instant;
import org.tongpos.app.Terminal;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorSetup;

/** Sessions for tests that call services: as if the operator had logged in. */
public final class TestSessions {

    private TestSessions() {
    }

    /** A cashier who logged in with their PIN (the operator need not exist: selling does not look them up). */
    public static Session cashier(String number) {
        return Session.loggedIn(Operator.create(number, "测试收银员", Role.CASHIER, false), Instant.EPOCH);
    }

    /** Someone of {@code role} who logged in with their PIN. */
    public static Session as(Role role, String number) {
        return Session.loggedIn(Operator.create(number, "测试" + role.name(), role, false), Instant.EPOCH);
    }

    /** The demo operator of {@code role} (demo operators installed), logged in. */
    public static Session demo(Terminal terminal, Role role) {
        OperatorSetup.DemoOperator demo = OperatorSetup.DEMO.stream().filter(d -> d.role() == role).findFirst()
                .orElseThrow();
        Operator operator = terminal.operators().operators().find(demo.number()).orElseThrow();
        return Session.loggedIn(operator, terminal.clock().instant());
    }
}
