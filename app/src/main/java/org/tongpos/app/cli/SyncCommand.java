package org.tongpos.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankServices;
import org.tongpos.app.bank.service.BankTexts;
import org.tongpos.app.i18n.Messages;
import org.tongpos.sync.batch.SealedBatch;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.client.BankUnavailableException;
import org.tongpos.sync.client.PlainHttpRefusedException;
import org.tongpos.sync.reconcile.DayClose;
import org.tongpos.sync.reconcile.Difference;
import org.tongpos.sync.reconcile.DifferenceCategory;
import org.tongpos.sync.reconcile.ReconciliationReport;
import org.tongpos.sync.reconcile.StatementFormatException;
import org.tongpos.sync.wire.DayTotals;
import org.tongpos.sync.wire.SettlementStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sync status|now|close-day|reconcile|investigate}: the journal's upload, day close and reconciliation. */
@Command(name = "sync", description = "Upload the journal to the bank, close days and reconcile them.",
        subcommands = {SyncCommand.Status.class, SyncCommand.Now.class, SyncCommand.CloseDay.class,
                SyncCommand.Reconcile.class, SyncCommand.Investigate.class})
final class SyncCommand {

    @ParentCommand
    TongPosCommand parent;

    /** A sync subcommand: needs bank.url and bank.key (exit 2 with a hint when they are not set). */
    abstract static class BankCommand extends TerminalCommand {
        @ParentCommand
        SyncCommand sync;

        @Override
        TongPosCommand root() {
            return sync.parent;
        }

        @Override
        final int run(Terminal terminal) {
            Messages messages = terminal.messages();
            if (!terminal.bank().isConfigured()) {
                err().println(messages.get("cli.bank.offline"));
                return ExitCodes.BAD_INPUT;
            }
            BankServices bank;
            try {
                bank = terminal.bank().services().orElseThrow();
            } catch (PlainHttpRefusedException e) {
                err().println(messages.get("bank.plainHttpRefused", e.host()));
                return ExitCodes.BAD_INPUT;
            } catch (IllegalArgumentException e) {
                err().println(messages.get("cli.bank.badSettings", e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            return run(terminal, bank, messages);
        }

        abstract int run(Terminal terminal, BankServices bank, Messages messages);

        /** Uploads what is pending (after resolving payment intents left open); prints why when it cannot finish. */
        boolean upload(Terminal terminal, BankServices bank, Messages messages) {
            try {
                terminal.bank().resolveOpenIntents();
            } catch (RuntimeException e) {
                err().println(messages.get("cli.sync.intentsOpen", e.getMessage()));
            }
            SyncStatus status;
            try {
                status = bank.sync().syncNow();
            } catch (RuntimeException e) {
                err().println(messages.get("cli.sync.failed", e.getMessage()));
                return false;
            }
            if (status.upToDate()) {
                return true;
            }
            String outcome = status.lastOutcome().map(o -> BankTexts.outcome(messages, o)).orElse("");
            err().println(messages.get("cli.sync.now.pending", status.pendingEntries(), outcome,
                    status.lastError().orElse("")));
            printQuarantined(status, messages, true);
            return false;
        }

        void printQuarantined(SyncStatus status, Messages messages, boolean toErr) {
            for (SealedBatch batch : status.quarantined()) {
                (toErr ? err() : out()).println(messages.get("cli.sync.status.quarantined", batch.batchId().toString(),
                        batch.firstSeq(), batch.lastSeq(), batch.count(), batch.reason()));
            }
        }

        LocalDate date(String text, Messages messages) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                err().println(messages.get("cli.sync.badDate", text));
                return null;
            }
        }
    }

    @Command(name = "status", description = "Shows pending entries, what the bank holds, last contact, last error and "
            + "quarantined batches (reads the stored state; does not contact the bank).")
    static final class Status extends BankCommand {
        @Override
        int run(Terminal terminal, BankServices bank, Messages messages) {
            SyncStatus status = bank.sync().status();
            ZoneId zone = terminal.clock().getZone();
            out().println(messages.get("cli.sync.status.bank", bank.settings().url(), bank.settings().terminalId()));
            out().println(messages.get("cli.sync.status.journal", status.journalLastSeq(), status.bankHeldSeq(),
                    status.pendingEntries()));
            out().println(messages.get("cli.sync.status.contact", BankTexts.time(messages, status.lastContact(), zone)));
            status.lastOutcome().ifPresent(o -> out().println(messages.get("cli.sync.status.outcome",
                    BankTexts.outcome(messages, o))));
            out().println(messages.get("cli.sync.status.error", status.lastError()
                    .orElseGet(() -> messages.get("bank.none"))));
            if (status.authProblem()) {
                out().println(messages.get("bank.authProblem"));
            }
            if (status.quarantined().isEmpty()) {
                out().println(messages.get("cli.sync.status.noQuarantine"));
            }
            printQuarantined(status, messages, false);
            return ExitCodes.OK;
        }
    }

    @Command(name = "now", description = "Uploads everything pending, then brings the canteen accounts feed (with "
            + "bank.merchant-id) and the bank's QR keys up to date: exit 0 once all is done, else 1 with the reason.")
    static final class Now extends BankCommand {
        @Override
        int run(Terminal terminal, BankServices bank, Messages messages) {
            boolean uploaded = upload(terminal, bank, messages);
            if (uploaded) {
                out().println(messages.get("cli.sync.now.done", bank.sync().status().bankHeldSeq()));
            }
            BankServices.CanteenDataRefresh refresh = bank.refreshCanteenData();
            refresh.accountChanges().ifPresent(n -> out().println(messages.get("cli.sync.now.accounts", n,
                    bank.accounts().replica().count())));
            if (refresh.skipped()) {
                out().println(messages.get("cli.sync.now.noMerchant"));
            }
            refresh.accountsProblem().ifPresent(p -> err().println(messages.get("cli.sync.now.accountsFailed", p)));
            refresh.keys().ifPresent(n -> out().println(messages.get("cli.sync.now.keys", n)));
            refresh.keysProblem().ifPresent(p -> err().println(messages.get("cli.sync.now.keysFailed", p)));
            return uploaded && refresh.complete() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    @Command(name = "close-day", description = "Uploads what is pending, then closes DATE at the bank: prints "
            + "IN_BALANCE (exit 0) or OUT_OF_BALANCE (exit 4) with both sides' totals.")
    static final class CloseDay extends BankCommand {
        @Parameters(paramLabel = "DATE", description = "The business date, YYYY-MM-DD.")
        String dateText;

        @Override
        int run(Terminal terminal, BankServices bank, Messages messages) {
            LocalDate date = date(dateText, messages);
            if (date == null) {
                return ExitCodes.BAD_INPUT;
            }
            if (!upload(terminal, bank, messages)) {
                err().println(messages.get("cli.sync.close.notSynced", date.toString()));
                return ExitCodes.FAILURE;
            }
            DayClose close;
            try {
                close = bank.dayClose().closeDay(date);
            } catch (RuntimeException e) {
                err().println(messages.get("cli.sync.close.unknown", date.toString(), e.getMessage()));
                return ExitCodes.FAILURE;
            }
            switch (close.outcome()) {
                case SETTLED -> {
                    SettlementStatus status = close.status().orElseThrow();
                    out().println(messages.get("cli.sync.close.result", date.toString(), status.name()));
                    out().println(totals(messages, messages.get("bank.side.terminal"), close.local()));
                    close.bank().ifPresent(b -> out().println(totals(messages, messages.get("bank.side.bank"), b)));
                    return status == SettlementStatus.IN_BALANCE ? ExitCodes.OK : ExitCodes.DIFFERENCES;
                }
                case REFUSED -> {
                    err().println(messages.get("cli.sync.close.refused", date.toString(), close.message()));
                    return ExitCodes.FAILURE;
                }
                default -> {
                    err().println(messages.get("cli.sync.close.unknown", date.toString(), close.message()));
                    return ExitCodes.FAILURE;
                }
            }
        }

        private static String totals(Messages messages, String side, DayTotals totals) {
            return messages.get("cli.sync.close.totals", side, totals.count(),
                    BankTexts.yuan(totals.debitTotalFen()), BankTexts.yuan(totals.creditTotalFen()));
        }
    }

    @Command(name = "reconcile", description = "Downloads DATE's statement, checks its hash and reconciles it with the "
            + "journal: a summary per category; exit 0 when everything matches, 4 when there are differences.")
    static final class Reconcile extends BankCommand {
        @Parameters(paramLabel = "DATE", description = "The business date, YYYY-MM-DD (closed with sync close-day).")
        String dateText;

        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the differences to FILE as CSV.")
        Path csv;

        @Override
        int run(Terminal terminal, BankServices bank, Messages messages) {
            LocalDate date = date(dateText, messages);
            if (date == null) {
                return ExitCodes.BAD_INPUT;
            }
            Optional<ReconciliationReport> found;
            try {
                found = bank.reconciler().reconcile(date);
            } catch (BankUnavailableException | StatementFormatException e) {
                err().println(messages.get("cli.sync.reconcile.failed", date.toString(), e.getMessage()));
                return ExitCodes.FAILURE;
            }
            if (found.isEmpty()) {
                err().println(messages.get("cli.sync.reconcile.notReady", date.toString()));
                return ExitCodes.FAILURE;
            }
            ReconciliationReport report = found.get();
            out().println(messages.get("cli.sync.reconcile.summary", date.toString(), report.runId(),
                    report.matchedCount(), BankTexts.yuan(report.matchedAmountFen()), report.differenceCount()));
            out().println(messages.get("cli.sync.reconcile.statement", report.statement().rows(),
                    BankTexts.yuan(report.statement().amountFen()), BankTexts.yuan(report.statement().feeFen()),
                    BankTexts.yuan(report.statement().netFen())));
            for (DifferenceCategory category : DifferenceCategory.values()) {
                out().println(messages.get("cli.sync.reconcile.category", BankTexts.category(messages, category),
                        report.count(category)));
            }
            for (Difference d : bank.reconciliations().differences(report.runId())) {
                out().println(messages.get("cli.sync.reconcile.difference", d.diffNo(),
                        BankTexts.category(messages, d.category()), d.txnId(), d.seq() == null ? "—" : d.seq(),
                        d.method(), BankTexts.yuan(d.localAmountFen()), BankTexts.yuan(d.bankAmountFen()),
                        d.bankStatus() == null ? "—" : d.bankStatus(),
                        d.investigated() ? messages.get("cli.sync.reconcile.investigated", d.note()) : ""));
            }
            if (csv != null) {
                try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    bank.reconciliations().exportCsv(report.runId(), writer);
                } catch (IOException e) {
                    err().println(messages.get("cli.sync.reconcile.csvFailed", csv.toString(), e.getMessage()));
                    return ExitCodes.FAILURE;
                }
                out().println(messages.get("cli.sync.reconcile.csv", csv.toString()));
            }
            return report.allMatched() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
        }
    }

    @Command(name = "investigate", description = "Marks difference DIFF_NO of DATE's latest reconciliation as "
            + "investigated, with a note.")
    static final class Investigate extends BankCommand {
        @Parameters(index = "0", paramLabel = "DATE")
        String dateText;

        @Parameters(index = "1", paramLabel = "DIFF_NO")
        int diffNo;

        @Parameters(index = "2", paramLabel = "NOTE")
        String note;

        @Override
        int run(Terminal terminal, BankServices bank, Messages messages) {
            LocalDate date = date(dateText, messages);
            if (date == null) {
                return ExitCodes.BAD_INPUT;
            }
            if (note.isBlank()) {
                err().println(messages.get("cli.sync.investigate.noNote"));
                return ExitCodes.BAD_INPUT;
            }
            Optional<ReconciliationReport> latest = bank.reconciliations().latest(date);
            if (latest.isEmpty()) {
                err().println(messages.get("cli.sync.investigate.noRun", date.toString()));
                return ExitCodes.FAILURE;
            }
            try {
                bank.reconciliations().markInvestigated(latest.get().runId(), diffNo, note.strip());
            } catch (IllegalArgumentException e) {
                err().println(messages.get("cli.sync.investigate.noDiff", diffNo, date.toString()));
                return ExitCodes.BAD_INPUT;
            }
            out().println(messages.get("cli.sync.investigate.done", diffNo, date.toString()));
            return ExitCodes.OK;
        }
    }
}
