package org.tongpos.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorSetup;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.TaskRunner;

/**
 * The one terminal fixture of the app's tests: a real terminal on a real H2 file in a temporary directory, with a
 * small demo catalog and a fixed clock (screens, services and the CLI tests alike). Tests that need time to move pass
 * a {@code org.tongpos.testkit.MutableClock} to {@link Terminal#open(Path, Clock)}.
 */
public final class TerminalFixture {

    /** 2026-11-30 12:05:09 in Shanghai (the terminal's default business zone). */
    public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-11-30T04:05:09Z"), ZoneOffset.UTC);
    /** Enough for every staple and fresh product of the demo store, plus some generated ones. */
    public static final int PRODUCTS = 80;
    /** 可口可乐 330ml, 3.00 per bottle. */
    public static final String COLA = "6920000000012";
    /** 百事可乐 330ml, 3.00. */
    public static final String PEPSI = "6920000000029";
    /** 红富士苹果, weighed, 12.80 per kg. */
    public static final String APPLE_PLU = "10001";

    private TerminalFixture() {
    }

    /**
     * A terminal with {@link #PRODUCTS} demo products and, like the window's first start, the demo operators with the
     * demo cashier logged in automatically ({@code login.auto 001}).
     */
    public static Terminal openWithDemoCatalog(Path directory) {
        return openWithDemoCatalog(directory, FIXED_CLOCK);
    }

    public static Terminal openWithDemoCatalog(Path directory, Clock clock) {
        return withDemoOperators(openWithProducts(directory, clock, PRODUCTS));
    }

    /** A terminal with {@code products} demo products and no operator yet. */
    public static Terminal openWithDemoCatalog(Path directory, int products) {
        return openWithProducts(directory, FIXED_CLOCK, products);
    }

    private static Terminal openWithProducts(Path directory, Clock clock, int products) {
        Terminal terminal = Terminal.open(directory, clock);
        List<Product> demo = terminal.demoCatalog().products(products);
        terminal.catalog().save(demo);
        return terminal;
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
