package org.tongpos.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.tongpos.app.catalog.domain.Product;

/** A real terminal on a real H2 file in a temporary directory, with a small demo catalog and a fixed clock. */
public final class TerminalFixture {

    public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-11-30T04:05:09Z"), ZoneOffset.UTC);
    /** 可口可乐 330ml, 3.00 per bottle. */
    public static final String COLA = "6920000000012";
    /** 百事可乐 330ml, 3.00. */
    public static final String PEPSI = "6920000000029";
    /** 红富士苹果, weighed, 12.80 per kg. */
    public static final String APPLE_PLU = "10001";

    private TerminalFixture() {
    }

    public static Terminal openWithDemoCatalog(Path directory, int products) {
        Terminal terminal = Terminal.open(directory, FIXED_CLOCK);
        List<Product> demo = terminal.demoCatalog().products(products);
        terminal.catalog().save(demo);
        return terminal;
    }
}
