package org.tongpos.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.tongpos.app.Terminal;

/** Terminals for screen tests: a real database in a temporary directory with a small demo catalog. */
public final class TestTerminals {

    /** 2026-11-30 11:00 in Shanghai. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);

    /** Enough for every staple and fresh product of the demo store, plus some generated ones. */
    public static final int PRODUCTS = 80;

    private TestTerminals() {
    }

    public static Terminal withDemoCatalog(Path directory) {
        Terminal terminal = Terminal.open(directory, CLOCK);
        terminal.catalog().save(terminal.demoCatalog().products(PRODUCTS));
        return terminal;
    }
}
