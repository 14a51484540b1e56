package org.tongpos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tongpos.app.Terminal;

/**
 * A terminal on a fresh data directory with a demo catalog of a given size in memory, deleted afterwards; or, for the
 * benchmarks that offer it, on an existing data directory ({@link #existingOr}), which is kept.
 */
final class BenchStore implements AutoCloseable {

    final Path directory;
    final Terminal terminal;
    private final boolean temporary;

    BenchStore(int products) throws IOException {
        directory = Files.createTempDirectory("tongpos-bench");
        temporary = true;
        terminal = Terminal.open(directory);
        if (products > 0) {
            terminal.catalog().save(terminal.demoCatalog().products(products));
        }
        terminal.catalog().buildIndex(); // the till's state once the window has loaded the catalog into memory
    }

    private BenchStore(Path existing) {
        directory = existing;
        temporary = false;
        terminal = Terminal.open(existing);
        terminal.catalog().buildIndex();
    }

    /**
     * The data directory named by {@code -Dtongpos.bench.history=DIR} (e.g. a year of {@code demo-data --history}:
     * what it sells is added to it), else a fresh one with {@code products} demo products.
     */
    static BenchStore existingOr(int products) throws IOException {
        String given = System.getProperty("tongpos.bench.history", "");
        return given.isBlank() ? new BenchStore(products) : new BenchStore(Path.of(given));
    }

    @Override
    public void close() throws IOException {
        terminal.close();
        if (temporary) {
            deleteTree(directory);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
