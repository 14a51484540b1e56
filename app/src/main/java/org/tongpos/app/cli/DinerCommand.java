package org.tongpos.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.domain.AccountSource;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.service.LocalDiners;
import org.tongpos.app.canteen.service.RuleProblem;
import org.tongpos.app.canteen.store.LocalDinerStore;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diner import|find|show|topup|subsidy|ledger|hotlist}: the canteen's diners from the command line. */
@Command(name = "diner", description = "Diners: import, find, show; top-ups and subsidies of local diners.",
        subcommands = {DinerCommand.Import.class, DinerCommand.Find.class, DinerCommand.Show.class,
                DinerCommand.TopUp.class, DinerCommand.Subsidy.class, DinerCommand.Ledger.class,
                DinerCommand.Hotlist.class})
final class DinerCommand {

    /** One diner on one line: id, name, department, type, card, subsidy, balance, flags, source. */
    static String line(Messages messages, DinerAccount d) {
        StringBuilder text = new StringBuilder();
        text.append(d.dinerId()).append('\t').append(d.name()).append('\t').append(d.department()).append('\t')
                .append(d.dinerType()).append('\t').append(d.cardUid().isEmpty() ? "-" : d.cardUid()).append('\t')
                .append(messages.get("cli.diner.subsidy", d.subsidy().toYuanString())).append('\t')
                .append(messages.get("cli.diner.balance", d.balance().toYuanString())).append('\t')
                .append(messages.get(d.source() == AccountSource.BANK ? "cli.diner.source.bank"
                        : "cli.diner.source.local"));
        if (d.hotlisted()) {
            text.append('\t').append(messages.get("cli.diner.hotlisted"));
        }
        if (d.closed()) {
            text.append('\t').append(messages.get("cli.diner.closed"));
        }
        return text.toString();
    }

    @Command(name = "import", description = "Imports local diners from a UTF-8 CSV (header diner_id,name,diner_type "
            + "and optional staff_no,department,card_uid), all or nothing; bad rows exit 2.")
    static final class Import extends TerminalCommand.Nested {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        int change(Terminal terminal) {
            Messages messages = terminal.messages();
            LocalDiners.ImportOutcome outcome;
            try (InputStream in = Files.newInputStream(file)) {
                outcome = terminal.canteen().localDiners().importCsv(in);
            } catch (NoSuchFileException e) {
                err().println(messages.get("cli.import.noFile", file));
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                err().println(messages.get("cli.import.cannotRead", file, e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            if (!outcome.imported()) {
                outcome.problems().forEach(p -> err().println(p.text(messages)));
                err().println(messages.get("cli.diner.import.rejected", outcome.problems().size()));
                return ExitCodes.BAD_INPUT;
            }
            out().println(messages.get("cli.diner.import.done", outcome.added(), outcome.updated()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "find", description = "Finds diners by card UID, diner id, staff number, name or pinyin initials.")
    static final class Find extends TerminalCommand.Nested {
        @Parameters(paramLabel = "TEXT")
        String text;

        @Override
        int change(Terminal terminal) {
            List<DinerAccount> found = terminal.canteen().diners().find(text);
            found.forEach(d -> out().println(line(terminal.messages(), d)));
            if (found.isEmpty()) {
                err().println(terminal.messages().get("cli.diner.none", text));
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Shows one diner (by diner id or staff number) and the account.")
    static final class Show extends TerminalCommand.Nested {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int change(Terminal terminal) {
            Messages messages = terminal.messages();
            Optional<DinerAccount> found = terminal.canteen().diners().byDinerIdOrStaffNo(id);
            if (found.isEmpty()) {
                err().println(messages.get("diner.unknown", id));
                return ExitCodes.FAILURE;
            }
            DinerAccount d = found.get();
            out().println(messages.get("cli.diner.show.who", d.dinerId(), d.name(), d.department(), d.dinerType()));
            out().println(messages.get("cli.diner.show.ids", d.accountId(), d.staffNo().isEmpty() ? "-" : d.staffNo(),
                    d.cardUid().isEmpty() ? "-" : d.cardUid()));
            out().println(messages.get("cli.diner.show.money", d.subsidy().toYuanString(), d.balance().toYuanString()));
            out().println(messages.get("cli.diner.show.state",
                    messages.get(d.source() == AccountSource.BANK ? "cli.diner.source.bank" : "cli.diner.source.local"),
                    messages.get(d.closed() ? "cli.diner.closed" : d.hotlisted() ? "cli.diner.hotlisted"
                            : "cli.diner.usable")));
            return ExitCodes.OK;
        }
    }

    /** A money movement of a local diner: ID YUAN [--note TEXT]. */
    abstract static class Movement extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "YUAN")
        String yuan;

        @Option(names = "--note", paramLabel = "TEXT", defaultValue = "")
        String note;

        Money amount() {
            try {
                return Money.parseYuan(yuan);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw RuleProblem.of("cli.canteen.badYuan", yuan);
            }
        }

        void print(Terminal terminal, String key, LocalDinerStore.LedgerEntry entry) {
            out().println(terminal.messages().get(key, id, entry.amount().toYuanString(),
                    entry.subsidyAfter().toYuanString(), entry.balanceAfter().toYuanString()));
        }
    }

    @Command(name = "topup", description = "Tops up a local diner's personal balance by YUAN.")
    static final class TopUp extends Movement {
        @Override
        int change(Terminal terminal) {
            print(terminal, "cli.diner.topup.done", terminal.canteen().localDiners().topUp(id, amount(),
                    CanteenCommand.OPERATOR, note.strip()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "subsidy", description = "Grants a local diner YUAN of canteen subsidy (negative: withdraws an "
            + "expired subsidy, never below zero).")
    static final class Subsidy extends Movement {
        @Override
        int change(Terminal terminal) {
            print(terminal, "cli.diner.subsidy.done", terminal.canteen().localDiners().subsidy(id, amount(),
                    CanteenCommand.OPERATOR, note.strip()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "ledger", description = "Lists a local diner's top-ups and subsidies with the balances after.")
    static final class Ledger extends TerminalCommand.Nested {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int change(Terminal terminal) {
            for (LocalDinerStore.LedgerEntry e : terminal.canteen().localDiners().ledger(id)) {
                out().println(e.entryId() + "\t" + e.recordedAt().atZoneSameInstant(terminal.clock().getZone())
                        .toLocalDateTime() + "\t" + e.kind() + "\t" + e.amount().toYuanString() + "\t"
                        + e.subsidyAfter().toYuanString() + "\t" + e.balanceAfter().toYuanString() + "\t"
                        + e.operator() + "\t" + e.note());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "hotlist", description = "Reports a local diner's card lost (meals refused), or --off found again.")
    static final class Hotlist extends TerminalCommand.Nested {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--off", description = "The card was found: serve the diner again.")
        boolean off;

        @Override
        int change(Terminal terminal) {
            terminal.canteen().localDiners().hotlist(id, !off);
            out().println(terminal.messages().get(off ? "cli.diner.hotlist.off" : "cli.diner.hotlist.on", id));
            return ExitCodes.OK;
        }
    }
}
