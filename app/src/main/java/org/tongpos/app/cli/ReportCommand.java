package org.tongpos.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tongpos.app.Terminal;
import org.tongpos.app.reports.domain.BankDay;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.domain.ReportTable;
import org.tongpos.app.reports.domain.SalesGrouping;
import org.tongpos.app.reports.domain.SalesReport;
import org.tongpos.app.reports.service.PdfExport;
import org.tongpos.app.reports.service.ReportDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Sales, canteen and bank reports for a range of business dates, on screen, "
        + "as CSV (UTF-8 with BOM) or PDF (Chinese font embedded). Reads only; see docs/reports.md.",
        subcommands = {ReportCommand.Sales.class, ReportCommand.Canteen.class, ReportCommand.Bank.class,
            ReportCommand.Rebuild.class})
final class ReportCommand {

    /** What every report takes: the range and the exports. */
    abstract static class Ranged extends TerminalCommand {
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First business date (YYYY-MM-DD).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last business date (default: --from).")
        LocalDate to;

        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the report as CSV (UTF-8 with BOM).")
        Path csv;

        @Option(names = "--pdf", paramLabel = "FILE", description = "Also write the report as PDF.")
        Path pdf;

        @Option(names = "--font", paramLabel = "FILE", description = "TrueType font (.ttf/.ttc) for the PDF "
                + "(default: WenQuanYi Micro Hei from fonts-wqy-microhei).")
        Path font;

        @Override
        TongPosCommand root() {
            return (TongPosCommand) spec.root().userObject();
        }

        DateRange range() {
            return new DateRange(from, to == null ? from : to);
        }

        @Override
        final int run(Terminal terminal) {
            if (to != null && to.isBefore(from)) {
                err().println(terminal.messages().get("cli.report.badRange", from, to));
                return ExitCodes.BAD_INPUT;
            }
            ReportDocuments.Document output;
            try {
                output = report(terminal, new ReportDocuments(terminal.messages()));
            } catch (PrintFailed e) {
                err().println(e.getMessage());
                return ExitCodes.FAILURE;
            }
            print(out(), output.tables());
            try {
                if (csv != null) {
                    output.writeCsv(csv);
                    out().println(terminal.messages().get("cli.report.written", csv.toAbsolutePath()));
                }
                if (pdf != null) {
                    output.writePdf(pdf, font == null ? PdfExport.defaultFont() : font);
                    out().println(terminal.messages().get("cli.report.written", pdf.toAbsolutePath()));
                }
            } catch (IOException e) {
                err().println(terminal.messages().get("cli.report.cannotWrite", e.getMessage()));
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }

        abstract ReportDocuments.Document report(Terminal terminal, ReportDocuments documents);
    }

    @Command(name = "sales", description = "Sales: totals, refunds, voids, margin from the cost at the time of sale, "
            + "a breakdown, and the same range a week before beside it.")
    static final class Sales extends Ranged {
        @Option(names = "--by", defaultValue = "day", paramLabel = "hour|day|category|product|tender|cashier",
                description = "The breakdown (default: ${DEFAULT-VALUE}).")
        String by;

        @Option(names = "--slow-days", defaultValue = "30", paramLabel = "N",
                description = "With --by product: list catalog products with no sale in the last N days of the "
                        + "range (default ${DEFAULT-VALUE}; 0: none).")
        int slowDays;

        @Option(names = "--print", description = "Also print the range's summary (sales, refunds, net, margin, "
                + "tenders) on the receipt printer (the terminal's device.printer, or --printer).")
        boolean print;

        @Option(names = "--printer", paramLabel = "URI", description = "With --print: this printer instead of the "
                + "terminal's (tcp://host:9100, serial:/dev/ttyUSB0?baud=9600, file:/dev/usb/lp0, sim:).")
        String printer;

        @Override
        ReportDocuments.Document report(Terminal terminal, ReportDocuments documents) {
            if (print) {
                printSummary(terminal);
            }
            SalesGrouping grouping = SalesGrouping.parse(by).orElseThrow(() -> new picocli.CommandLine
                    .ParameterException(spec.commandLine(), "--by: hour, day, category, product, tender or cashier"));
            SalesReport report = terminal.reports().sales(terminal.systemSession(), range(), grouping,
                    Math.max(0, slowDays));
            return documents.sales(report);
        }

        private void printSummary(Terminal terminal) {
            String uri = printer != null ? printer
                    : terminal.settings().get(org.tongpos.app.settings.domain.SettingKey.DEVICE_PRINTER);
            SalesReport byTender = terminal.reports().sales(terminal.systemSession(), range(), SalesGrouping.TENDER, 0);
            byte[] page = new org.tongpos.app.reports.service.DaySummaryPrint(terminal.messages(), terminal.storeName())
                    .encode(byTender, terminal.receiptPaper());
            try (org.tongpos.hardware.printer.ReceiptPrinter device = new org.tongpos.hardware.DeviceFactory(
                    terminal.clock()).printer(uri)) {
                device.print(page);
                out().println(terminal.messages().get("cli.report.printed", uri));
            } catch (org.tongpos.hardware.printer.PrinterException e) {
                throw new PrintFailed(terminal.messages().get("cli.report.printFailed", uri,
                        String.valueOf(e.getMessage())));
            }
        }
    }

    /** The summary could not be printed: said on the error stream, exit 1. */
    static final class PrintFailed extends RuntimeException {
        PrintFailed(String message) {
            super(message);
        }
    }

    @Command(name = "canteen", description = "Canteen: meals by day, period, department or diner type, paid by "
            + "subsidy, personal balance or cash, and the anomalies with the rule that flagged them.")
    static final class Canteen extends Ranged {
        @Option(names = "--by", defaultValue = "day", paramLabel = "day|period|department|diner-type",
                description = "The breakdown (default: ${DEFAULT-VALUE}).")
        String by;

        @Override
        ReportDocuments.Document report(Terminal terminal, ReportDocuments documents) {
            CanteenReport.CanteenGrouping grouping;
            try {
                grouping = CanteenReport.CanteenGrouping.valueOf(by.strip().toUpperCase(java.util.Locale.ROOT)
                        .replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--by: day, period, department or diner-type");
            }
            return documents.canteen(terminal.reports().canteen(terminal.systemSession(), range(), grouping));
        }
    }

    @Command(name = "bank", description = "Bank: per business day, the journal beside the statement of the last "
            + "reconciliation, fees, and what is still unsent or unreconciled.")
    static final class Bank extends Ranged {
        @Override
        ReportDocuments.Document report(Terminal terminal, ReportDocuments documents) {
            List<BankDay> days = terminal.reports().bank(terminal.systemSession(), range());
            return documents.bank(range(), days);
        }
    }

    @Command(name = "rebuild", description = "Drops the sales summaries of closed days and months and makes them "
            + "again from the journal (they are derived only; see docs/decisions/0012-report-summaries.md).")
    static final class Rebuild extends TerminalCommand {
        @Override
        TongPosCommand root() {
            return (TongPosCommand) spec.root().userObject();
        }

        @Override
        int run(Terminal terminal) {
            long started = System.nanoTime();
            var rebuilt = terminal.reports().rebuildSummaries(terminal.systemSession());
            long millis = (System.nanoTime() - started) / 1_000_000;
            out().println(terminal.messages().get("cli.report.rebuilt", Long.toString(rebuilt.days()),
                    Long.toString(rebuilt.months()), Long.toString(rebuilt.rows()),
                    String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0)));
            return ExitCodes.OK;
        }
    }

    /** Prints tables aligned in columns, counting a Chinese character as two columns. */
    static void print(PrintWriter out, List<ReportTable> tables) {
        for (ReportTable table : tables) {
            out.println();
            out.println(table.title());
            int n = table.headers().size();
            int[] widths = new int[n];
            List<List<String>> all = new ArrayList<>();
            all.add(table.headers());
            all.addAll(table.rows());
            for (List<String> row : all) {
                for (int i = 0; i < n; i++) {
                    widths[i] = Math.max(widths[i], width(row.get(i)));
                }
            }
            for (List<String> row : all) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    String cell = row.get(i);
                    line.append(cell).append(" ".repeat(widths[i] - width(cell) + 2));
                }
                out.println(line.toString().stripTrailing());
            }
        }
        out.flush();
    }

    static int width(String text) {
        return text.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1).sum();
    }
}
