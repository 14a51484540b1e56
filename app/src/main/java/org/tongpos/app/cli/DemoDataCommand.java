package org.tongpos.app.cli;

import java.time.LocalDate;
import java.util.List;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.service.DemoCanteen;
import org.tongpos.app.catalog.store.ProductStore;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.service.OperatorSetup;
import org.tongpos.app.reports.service.DemoHistory;
import org.tongpos.app.settings.domain.SettingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo-data", description = "Loads a realistic demo store (Chinese names, valid EAN-13, weighed goods), "
        + "the demo operators (cashier 001, supervisor 002, manager 003, auditor 004; PINs in the README) and logs the "
        + "window in as the demo cashier (login.auto 001); "
        + "or with --canteen the demo canteen (periods, prices, a menu, local diners with the simulator's cards). "
        + "For demos and training, not for a real till.")
final class DemoDataCommand extends TerminalCommand.Top {

    @Option(names = "--products", defaultValue = "2000", paramLabel = "N", description = "Number of products (default ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--canteen", description = "Set up the demo canteen instead of the store: 早餐/午餐/晚餐 every day, "
            + "prices per diner type, dinner by dish, cash walk-ins, diners L001-L008 with the simulator's meal cards "
            + "04D1E2F3A4B501-04D1E2F3A4B508 and face ids 1001-1008.")
    boolean canteen;

    @Option(names = "--history", paramLabel = "DAYS", description = "Also write DAYS days of sales history before today "
            + "into an empty journal (a year: about 300,000 sales, 3 million lines), hash-chained like real sales.")
    int historyDays;

    @Option(names = "--seed", defaultValue = "20261130", paramLabel = "N",
            description = "Seed of the history (the same seed, the same history; default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    int run(Terminal terminal) {
        if (canteen) {
            DemoCanteen.Outcome outcome = terminal.canteen().demo().load();
            out().println(terminal.messages().get("cli.demo.canteen", outcome.periods(), outcome.prices(),
                    outcome.dishes(), outcome.dinersAdded(), terminal.canteen().diners().localCount()));
            demoOperators(terminal);
            terminal.settings().set(SettingKey.TERMINAL_MODE, "canteen");
            out().println(terminal.messages().get("cli.demo.canteenMode"));
            return ExitCodes.OK;
        }
        if (products < 1 || products > 1_000_000) {
            err().println("--products must be between 1 and 1000000");
            return ExitCodes.BAD_INPUT;
        }
        ProductStore.UpsertResult result = terminal.catalog().save(terminal.demoCatalog().products(products));
        Messages messages = terminal.messages();
        out().println(messages.get("cli.demo.loaded", result.added(), result.updated(), terminal.catalog().size()));
        demoOperators(terminal);
        if (historyDays > 0) {
            return history(terminal);
        }
        return ExitCodes.OK;
    }

    /** The demo operators with their PINs, and the window logged in as the demo cashier. */
    private void demoOperators(Terminal terminal) {
        Messages messages = terminal.messages();
        List<Operator> created = terminal.operators().setup().installDemoOperators(terminal.systemSession());
        terminal.settings().set(SettingKey.LOGIN_AUTO, OperatorSetup.DEMO_CASHIER);
        for (OperatorSetup.DemoOperator demo : OperatorSetup.DEMO) {
            boolean isNew = created.stream().anyMatch(o -> o.number().equals(demo.number()));
            out().println(messages.get(isNew ? "cli.demo.operator" : "cli.demo.operatorKept", demo.number(),
                    demo.name(), messages.get(demo.role().messageKey()), demo.pin()));
        }
        out().println(messages.get("cli.demo.autoLogin", OperatorSetup.DEMO_CASHIER));
    }

    private int history(Terminal terminal) {
        if (historyDays > 3660) {
            err().println("--history must be between 1 and 3660 days");
            return ExitCodes.BAD_INPUT;
        }
        long started = System.nanoTime();
        DemoHistory.Outcome outcome;
        try {
            outcome = terminal.demoHistory().write(terminal.catalog().all(),
                    LocalDate.now(terminal.clock()), historyDays, 1.0, seed);
        } catch (IllegalStateException e) {
            err().println(terminal.messages().get("cli.demo.historyRefused", e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out().println(terminal.messages().get("cli.demo.history", Long.toString(outcome.sales()),
                Long.toString(outcome.lines()), Long.toString(outcome.refunds()), outcome.from(), outcome.to(),
                String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0), Long.toString(outcome.meals())));
        started = System.nanoTime();
        // the days were summarised as they were written; this adds the whole months
        var rebuilt = terminal.reports().summarise(terminal.systemSession(),
                new org.tongpos.app.reports.domain.DateRange(outcome.from(), outcome.to()));
        millis = (System.nanoTime() - started) / 1_000_000;
        out().println(terminal.messages().get("cli.report.rebuilt", Long.toString(rebuilt.days()),
                Long.toString(rebuilt.months()), Long.toString(rebuilt.rows()),
                String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0)));
        out().println(terminal.messages().get("cli.demo.compacting",
                Long.toString(terminal.database().fileSize() / (1024 * 1024))));
        terminal.database().compactOnClose();
        return ExitCodes.OK;
    }

    /** The demo operators take the place of the first manager on a new terminal. */
    @Override
    boolean createsFirstManager() {
        return false;
    }
}
