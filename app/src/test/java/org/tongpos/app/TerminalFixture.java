package org.tongpos.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.tongpos.app.catalog.domain.Product;

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

    /** A terminal with {@link #PRODUCTS} demo products. */
    public static Terminal openWithDemoCatalog(Path directory) {
        return openWithDemoCatalog(directory, PRODUCTS);
    }

    public static Terminal openWithDemoCatalog(Path directory, int products) {
        Terminal terminal = Terminal.open(directory, FIXED_CLOCK);
        List<Product> demo = terminal.demoCatalog().products(products);
        terminal.catalog().save(demo);
        return terminal;
    }
}
