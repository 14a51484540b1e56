package org.tongpos.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.CatalogImport;
import org.tongpos.app.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "catalog", description = "Import and find products.",
        subcommands = {CatalogCommand.Import.class, CatalogCommand.Find.class})
final class CatalogCommand {

    @ParentCommand
    TongPosCommand parent;

    @Command(name = "import", description = "Imports a UTF-8 CSV catalog, all or nothing; bad rows exit 2.")
    static final class Import extends TerminalCommand {
        /** Rows written from which the import closes the database compacted (a few seconds saved on the next starts). */
        static final int COMPACT_AFTER_ROWS = 10_000;

        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        TongPosCommand root() {
            return catalog.parent;
        }

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            CatalogImport.Outcome outcome;
            try (InputStream in = Files.newInputStream(file)) {
                outcome = new CatalogImport(terminal.catalogCsvReader(), terminal.catalog()).run(in);
            } catch (NoSuchFileException e) {
                err().println(messages.get("cli.import.noFile", file));
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                err().println(messages.get("cli.import.cannotRead", file, e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            if (!outcome.imported()) {
                outcome.problems().forEach(p -> err().println(p.text(messages)));
                err().println(messages.get("cli.import.rejected", outcome.problems().size()));
                return ExitCodes.BAD_INPUT;
            }
            if (outcome.saved().added() + outcome.saved().updated() >= COMPACT_AFTER_ROWS) {
                terminal.database().compactOnClose();
            }
            out().println(messages.get("cli.import.done", outcome.saved().added(), outcome.saved().updated(),
                    outcome.saved().unchanged()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "find", description = "Finds products by barcode, name or pinyin initials.")
    static final class Find extends TerminalCommand {
        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "TEXT")
        String text;

        @Override
        TongPosCommand root() {
            return catalog.parent;
        }

        @Override
        int run(Terminal terminal) {
            List<Product> found = terminal.catalog().search(text, 50);
            for (Product p : found) {
                String code = p.primaryBarcode().isEmpty() ? "PLU " + p.plu() : p.primaryBarcode();
                out().printf("%s\t%s\t%s\t%s/%s%n", code, p.name(), p.category(), p.price().toYuanString(),
                        p.unit().label());
            }
            if (found.isEmpty()) {
                err().println(terminal.messages().get("cli.find.none", text));
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
    }
}
