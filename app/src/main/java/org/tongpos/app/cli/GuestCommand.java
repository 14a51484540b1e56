package org.tongpos.app.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.domain.GuestApproval;
import org.tongpos.app.canteen.service.GuestMeals;
import org.tongpos.app.canteen.service.RuleProblem;
import org.tongpos.app.operators.domain.Permission;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code guest approve|list|export}: guest meal approvals (零接待) from the command line. */
@Command(name = "guest", description = "Guest meal approvals (零接待): approve, list, export.",
        subcommands = {GuestCommand.Approve.class, GuestCommand.ListAll.class, GuestCommand.Export.class})
final class GuestCommand {

    @Command(name = "approve", description = "Enters a guest meal approval; --operator must name a MANAGER, who is "
            + "recorded as approving. Prints the approval id; serve with: meal --guest ID.")
    static final class Approve extends TerminalCommand.Nested {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (the visit).")
        String reason;

        @Option(names = "--heads", required = true, paramLabel = "N", description = "How many guests.")
        int heads;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day of the meal.")
        String date;

        @Option(names = "--until", required = true, paramLabel = "HH:MM",
                description = "Valid until this time of the meal day (terminal's time zone).")
        String until;

        static final class Payer {
            @Option(names = "--account", paramLabel = "ACCOUNT_ID", description = "The account that pays.")
            String account;

            @Option(names = "--cash", description = "The guests pay cash.")
            boolean cash;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Payer payer;

        @Mixin
        ActorOption actor;

        @Override
        int change(Terminal terminal) {
            Session session;
            try {
                session = actor.session(terminal);
            } catch (OperatorException e) {
                err().println(e.text(terminal.messages()));
                return ExitCodes.BAD_INPUT;
            }
            if (session.operator().map(o -> !o.role().has(Permission.APPROVE_GUEST_MEALS)).orElse(true)) {
                err().println(terminal.messages().get("cli.guest.managerRequired"));
                return ExitCodes.BAD_INPUT;
            }
            LocalDate day;
            OffsetDateTime expires;
            try {
                day = LocalDate.parse(date);
                expires = day.atTime(LocalTime.parse(until)).atZone(terminal.clock().getZone()).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw RuleProblem.of("cli.canteen.badDate", date + " " + until);
            }
            GuestApproval approval = terminal.canteen().guests().approve(session, reason, heads, day, expires,
                    Optional.ofNullable(payer.account));
            out().println(approval.id());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists the approvals: id, approver, reason, heads, served, day, until, payer.")
    static final class ListAll extends TerminalCommand.Nested {
        @Override
        int change(Terminal terminal) {
            for (GuestMeals.Use use : terminal.canteen().guests().list(terminal.systemSession())) {
                GuestApproval a = use.approval();
                out().println(String.join("\t", a.id(), a.approvedBy(), a.reason(),
                        use.served() + "/" + a.headCount(), a.mealDate().toString(), a.expiresAt().toString(),
                        a.payerAccount().orElse("CASH")));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", description = "Writes the approvals as CSV (UTF-8) for the inspection office; '-' for "
            + "standard output.")
    static final class Export extends TerminalCommand.Nested {
        @Parameters(index = "0", paramLabel = "FILE")
        String file;

        @Override
        int change(Terminal terminal) {
            try {
                if (file.equals("-")) {
                    StringWriter text = new StringWriter();
                    terminal.canteen().guests().exportCsv(terminal.systemSession(), text);
                    out().print(text);
                    out().flush();
                } else {
                    try (Writer w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
                        terminal.canteen().guests().exportCsv(terminal.systemSession(), w);
                    }
                }
                return ExitCodes.OK;
            } catch (IOException e) {
                err().println(e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
    }
}
