package org.tongpos.app.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.tongpos.app.Terminal;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.service.AuditVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code audit list [--from DATE] [--to DATE]} and {@code audit verify}. */
@Command(name = "audit", description = "Read and verify the audit log (log-ins, operator changes, approvals, voids).",
        subcommands = {AuditCommand.ListRecords.class, AuditCommand.Verify.class})
final class AuditCommand {

    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    @ParentCommand
    TongPosCommand parent;

    @Command(name = "list", description = "One record a line: seq, time, actor and role, action, subject, amount, "
            + "approver, detail. Dates (YYYY-MM-DD) as the terminal recorded them, both included.")
    static final class ListRecords extends TerminalCommand {
        @ParentCommand
        AuditCommand audit;

        @Option(names = "--from", paramLabel = "DATE", description = "First business date (default: the first).")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last business date (default: the last).")
        String to;

        @Override
        TongPosCommand root() {
            return audit.parent;
        }

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            LocalDate first;
            LocalDate last;
            try {
                first = from == null ? FIRST_DAY : LocalDate.parse(from);
                last = to == null ? LAST_DAY : LocalDate.parse(to);
            } catch (DateTimeParseException e) {
                err().println(messages.get("cli.sync.badDate", e.getParsedString()));
                return ExitCodes.BAD_INPUT;
            }
            if (last.isBefore(first)) {
                err().println(messages.get("cli.audit.badRange", first, last));
                return ExitCodes.BAD_INPUT;
            }
            List<AuditRecord> records = terminal.operators().audit().list(terminal.systemSession(), first, last);
            for (AuditRecord record : records) {
                out().println(line(messages, record));
            }
            return ExitCodes.OK;
        }

        private static String line(Messages messages, AuditRecord r) {
            String actor = r.actorRole().isEmpty() ? r.actor()
                    : r.actor() + " " + messages.get("role." + r.actorRole());
            String amount = r.amountFen().isPresent() ? Money.ofFen(r.amountFen().getAsLong()).toYuanString() : "";
            String approver = r.approver().isEmpty() ? "" : messages.get("cli.audit.approvedBy", r.approver());
            return String.join("\t", Long.toString(r.seq()), r.occurredAt(), actor,
                    messages.get(r.action().messageKey()), r.subject(), amount, approver, r.detail());
        }
    }

    @Command(name = "verify", description = "Recomputes the hash chain: exit 0 with the record count, or 3 naming "
            + "the first bad seq.")
    static final class Verify extends TerminalCommand {
        @ParentCommand
        AuditCommand audit;

        @Override
        TongPosCommand root() {
            return audit.parent;
        }

        @Override
        int run(Terminal terminal) {
            AuditVerifier.Result result = terminal.operators().audit().verify();
            if (result.ok()) {
                out().println(terminal.messages().get("cli.audit.ok", result.verifiedRecords()));
                return ExitCodes.OK;
            }
            err().println(terminal.messages().get("cli.audit.broken", result.firstBadSeq().getAsLong(),
                    result.problem().orElseThrow().text(terminal.messages())));
            return ExitCodes.JOURNAL_BROKEN;
        }
    }
}
