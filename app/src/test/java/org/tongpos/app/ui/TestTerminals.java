package org.tongpos.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorSetup;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.settings.domain.SettingKey;

/**
 * Terminals for screen tests: a real database in a temporary directory with a small demo catalog, and, like the
 * window's first start, the demo operators with the demo cashier logged in automatically ({@code login.auto 001}).
 */
public final class TestTerminals {

    /** 2026-11-30 11:00 in Shanghai. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);

    /** Enough for every staple and fresh product of the demo store, plus some generated ones. */
    public static final int PRODUCTS = 80;

    private TestTerminals() {
    }

    public static Terminal withDemoCatalog(Path directory) {
        return withDemoCatalog(directory, CLOCK);
    }

    public static Terminal withDemoCatalog(Path directory, Clock clock) {
        Terminal terminal = Terminal.open(directory, clock);
        terminal.catalog().save(terminal.demoCatalog().products(PRODUCTS));
        return withDemoOperators(terminal);
    }

    /** Adds the demo operators and logs the window in as the demo cashier ({@code login.auto 001}). */
    public static Terminal withDemoOperators(Terminal terminal) {
        terminal.operators().setup().installDemoOperators(terminal.systemSession());
        terminal.settings().set(SettingKey.LOGIN_AUTO, OperatorSetup.DEMO_CASHIER);
        return terminal;
    }

    /** The till's ViewModel for a session, with the terminal's voids and approval prompt. */
    public static CashierViewModel cashierViewModel(Terminal terminal, TaskRunner tasks, Supplier<Session> session) {
        return new CashierViewModel(terminal.checkout(), terminal.catalog(), tasks, session, terminal.voids(),
                new ApprovalViewModel(terminal.operators().approvals(), tasks, terminal.clock().getZone()));
    }
}
