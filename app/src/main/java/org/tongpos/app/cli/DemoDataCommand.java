package org.tongpos.app.cli;

import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.store.ProductStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo-data", description = "Loads a realistic demo store (Chinese names, valid EAN-13, weighed goods).")
final class DemoDataCommand extends TerminalCommand.Top {

    @Option(names = "--products", defaultValue = "2000", paramLabel = "N", description = "Number of products (default ${DEFAULT-VALUE}).")
    int products;

    @Override
    int run(Terminal terminal) {
        if (products < 1 || products > 1_000_000) {
            err().println("--products must be between 1 and 1000000");
            return ExitCodes.BAD_INPUT;
        }
        ProductStore.UpsertResult result = terminal.catalog().save(terminal.demoCatalog().products(products));
        out().println(terminal.messages().get("cli.demo.loaded", result.added(), result.updated(),
                terminal.catalog().size()));
        return ExitCodes.OK;
    }
}
