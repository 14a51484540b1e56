package org.tongpos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tongpos.app.Terminal;

/** A terminal on a fresh data directory with a demo catalog of a given size in memory, deleted afterwards. */
final class BenchStore implements AutoCloseable {

    final Path directory;
    final Terminal terminal;

    BenchStore(int products) throws IOException {
        directory = Files.createTempDirectory("tongpos-bench");
        terminal = Terminal.open(directory);
        if (products > 0) {
            terminal.catalog().save(terminal.demoCatalog().products(products));
        }
        terminal.catalog().buildIndex(); // the till's state once the window has loaded the catalog into memory
    }

    @Override
    public void close() throws IOException {
        terminal.close();
        deleteTree(directory);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
