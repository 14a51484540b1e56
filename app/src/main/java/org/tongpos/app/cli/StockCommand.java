package org.tongpos.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.tongpos.app.Terminal;
import org.tongpos.app.kitchen.domain.CostPerMeal;
import org.tongpos.app.kitchen.domain.Quantities;
import org.tongpos.app.kitchen.domain.StockException;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.reports.domain.ReportTable;
import org.tongpos.app.reports.service.CsvExport;
import org.tongpos.app.reports.service.ReportTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stock ...}: kitchen stock (食堂进销存), the cost per meal, and the stock of supermarket products (named by a
 * barcode or PLU, their sales and returns posted from the journal); see docs/reports.md.
 */
@Command(name = "stock", description = "Stock: suppliers, kitchen items, purchases in (also from CSV, all or nothing), "
        + "issues to the kitchen, counts, waste, low levels, stock on hand, cost per meal. A product's barcode or PLU "
        + "names the product's stock, decremented by its sales.",
        subcommands = {StockCommand.Supplier.class, StockCommand.Item.class, StockCommand.In.class,
                StockCommand.Issue.class, StockCommand.Count.class, StockCommand.Waste.class, StockCommand.Low.class,
                StockCommand.Import.class, StockCommand.ListAll.class, StockCommand.Cost.class})
final class StockCommand {

    /** A stock subcommand: acts as --operator, says a refusal in the terminal's language (exit 2). */
    abstract static class Acting extends TerminalCommand.Nested {
        @Mixin
        ActorOption actor;

        abstract int act(Terminal terminal, KitchenStock stock, Session session) throws IOException;

        @Override
        final int change(Terminal terminal) {
            try {
                return act(terminal, terminal.kitchen(), actor.session(terminal));
            } catch (OperatorException e) {
                err().println(e.text(terminal.messages()));
                return ExitCodes.BAD_INPUT;
            } catch (StockException e) {
                err().println(terminal.messages().get(e.key(), e.args()));
                return ExitCodes.BAD_INPUT;
            } catch (AccessDeniedException e) {
                err().println(e.getMessage());
                return ExitCodes.REFUSED;
            } catch (IOException e) {
                err().println(e.getMessage());
                return ExitCodes.FAILURE;
            }
        }

        long quantity(String text) {
            OptionalLong q = Quantities.parse(text);
            if (q.isEmpty()) {
                throw new StockException("stock.error.quantity", text);
            }
            return q.getAsLong();
        }

        LocalDate day(Terminal terminal, LocalDate date) {
            return date == null ? LocalDate.now(terminal.clock()) : date;
        }
    }

    @Command(name = "supplier", description = "Adds a supplier.")
    static final class Supplier extends Acting {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--contact", paramLabel = "TEXT", defaultValue = "")
        String contact;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) {
            stock.addSupplier(session, name, contact);
            out().println(terminal.messages().get("stock.done.added", name));
            return ExitCodes.OK;
        }
    }

    @Command(name = "item", description = "Adds a stock item: its code, name and unit, how much one meal uses (for the "
            + "purchase suggestion) and the level under which it is low.")
    static final class Item extends Acting {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "kg, 袋, 瓶...")
        String unit;

        @Option(names = "--per-meal", defaultValue = "0", paramLabel = "QTY", description = "Quantity one meal uses.")
        String perMeal;

        @Option(names = "--low", defaultValue = "0", paramLabel = "QTY", description = "Low at or under this.")
        String low;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) {
            stock.addItem(session, code, name, unit, quantity(perMeal), quantity(low));
            out().println(terminal.messages().get("stock.done.added", code + " " + name));
            return ExitCodes.OK;
        }
    }

    @Command(name = "in", description = "Receives a purchase: item, quantity, unit price (yuan), supplier.")
    static final class In extends Acting {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Parameters(index = "1", paramLabel = "QTY")
        String qty;

        @Option(names = "--price", required = true, paramLabel = "YUAN", description = "Unit price.")
        String price;

        @Option(names = "--supplier", required = true, paramLabel = "NAME")
        String supplier;

        @Option(names = "--date", paramLabel = "DATE", description = "Business date (default today).")
        LocalDate date;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) {
            long q = quantity(qty);
            long value = stock.receive(session, new KitchenStock.Purchase(day(terminal, date), code, q,
                    Money.parseYuan(price).fen(), supplier));
            out().println(terminal.messages().get("stock.done.received", code, Quantities.format(q),
                    ReportTables.yuan(value)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "issue", description = "Issues stock to the kitchen for a meal period, at the average cost.")
    static final class Issue extends Acting {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Parameters(index = "1", paramLabel = "QTY")
        String qty;

        @Option(names = "--period", defaultValue = "", paramLabel = "NAME", description = "The meal period (午餐).")
        String period;

        @Option(names = "--date", paramLabel = "DATE", description = "Business date (default today).")
        LocalDate date;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) {
            long q = quantity(qty);
            long value = stock.issue(session, code, q, period, day(terminal, date));
            out().println(terminal.messages().get("stock.done.issued", code, Quantities.format(q),
                    ReportTables.yuan(value)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "count", description = "Records a stock count; a variance needs --reason.")
    static final class Count extends Acting {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Parameters(index = "1", paramLabel = "QTY", description = "The quantity counted.")
        String qty;

        @Option(names = "--reason", defaultValue = "", paramLabel = "TEXT")
        String reason;

        @Option(names = "--date", paramLabel = "DATE", description = "Business date (default today).")
        LocalDate date;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) {
            long variance = stock.count(session, code, quantity(qty), reason, day(terminal, date));
            out().println(terminal.messages().get("stock.done.counted", code, Quantities.format(variance)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "waste", description = "Records waste, with its reason.")
    static final class Waste extends Acting {
        @Parameters(index = "0", paramLabel = "CODE")
        String code;

        @Parameters(index = "1", paramLabel = "QTY")
        String qty;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Option(names = "--date", paramLabel = "DATE", description = "Business date (default today).")
        LocalDate date;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) {
            long q = quantity(qty);
            long value = stock.waste(session, code, q, reason, day(terminal, date));
            out().println(terminal.messages().get("stock.done.wasted", code, Quantities.format(q),
                    ReportTables.yuan(value)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "low", description = "Sets the level at or under which an item or product is low.")
    static final class Low extends Acting {
        @Parameters(index = "0", paramLabel = "CODE", description = "An item code, or a product's barcode or PLU.")
        String code;

        @Parameters(index = "1", paramLabel = "QTY")
        String qty;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) {
            long q = quantity(qty);
            stock.setLow(session, code, q);
            out().println(terminal.messages().get("stock.done.low", code, Quantities.format(q)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = "Imports purchases from CSV (UTF-8, a header line, then "
            + "date,item,quantity,unit_price,supplier), all or nothing; new suppliers are added.")
    static final class Import extends Acting {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).startsWith(CsvExport.BOM)) {
                lines.set(0, lines.get(0).substring(1));
            }
            int n = stock.importPurchases(session, lines);
            out().println(terminal.messages().get("stock.done.imported", n));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Stock on hand with its value at cost; low items flagged.")
    static final class ListAll extends Acting {
        @Option(names = "--csv", paramLabel = "FILE", description = "Also write it as CSV (UTF-8 with BOM).")
        Path csv;

        @Option(names = "--low", description = "Only the items at or under their low level (what to reorder).")
        boolean lowOnly;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) throws IOException {
            var m = terminal.messages();
            List<List<String>> rows = new ArrayList<>();
            long total = 0;
            for (StockLevel l : stock.levels(session)) {
                if (lowOnly && !l.low()) {
                    continue;
                }
                rows.add(List.of(l.code(), l.name(), l.unit(), Quantities.format(l.onHandMilli()),
                        ReportTables.yuan(l.valueFen()), ReportTables.yuan(l.averageFenPerUnit()),
                        l.low() ? m.get("stock.low.yes") : "",
                        Quantities.format(l.perMealMilli())));
                total += l.valueFen();
            }
            rows.add(List.of(m.get("report.col.total"), "", "", "", ReportTables.yuan(total), "", "", ""));
            ReportTable table = new ReportTable(m.get(lowOnly ? "stock.levels.lowTitle" : "stock.levels.title"), List.of(m.get("stock.col.code"),
                    m.get("stock.col.name"), m.get("stock.col.unit"), m.get("stock.col.onHand"),
                    m.get("stock.col.value"), m.get("stock.col.average"), m.get("stock.col.low"),
                    m.get("stock.col.perMeal")), rows);
            ReportCommand.print(out(), List.of(table));
            if (csv != null) {
                CsvExport.write(List.of(table), csv);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "cost", description = "Cost per meal per day and period: value issued ÷ meals served.")
    static final class Cost extends Acting {
        @Option(names = "--from", required = true, paramLabel = "DATE")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last date (default: --from).")
        LocalDate to;

        @Option(names = "--csv", paramLabel = "FILE", description = "Also write it as CSV (UTF-8 with BOM).")
        Path csv;

        @Override
        int act(Terminal terminal, KitchenStock stock, Session session) throws IOException {
            var m = terminal.messages();
            LocalDate last = to == null ? from : to;
            List<List<String>> rows = new ArrayList<>();
            for (CostPerMeal c : stock.costPerMeal(session, from, last)) {
                rows.add(List.of(c.businessDate(), c.period().isEmpty() ? m.get("stock.period.all") : c.period(),
                        ReportTables.yuan(c.issuedFen()), Long.toString(c.meals()),
                        c.costPerMealFen() < 0 ? "-" : ReportTables.yuan(c.costPerMealFen())));
            }
            ReportTable table = new ReportTable(m.get("stock.cost.title", from, last), List.of(m.get("stock.col.date"),
                    m.get("stock.col.period"), m.get("stock.col.issued"), m.get("stock.col.meals"),
                    m.get("stock.col.costPerMeal")), rows);
            ReportCommand.print(out(), List.of(table));
            if (csv != null) {
                CsvExport.write(List.of(table), csv);
            }
            return ExitCodes.OK;
        }
    }
}
