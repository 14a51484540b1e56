package org.tongpos.app.cli;

import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.shifts.domain.CashMovement;
import org.tongpos.app.shifts.domain.DrawerCount;
import org.tongpos.app.shifts.domain.Shift;
import org.tongpos.app.shifts.domain.ShiftException;
import org.tongpos.app.shifts.domain.ShiftReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shift open --float YUAN}, {@code shift paid-in YUAN --reason TEXT}, {@code shift paid-out YUAN --reason TEXT},
 * {@code shift x}, {@code shift close --counted YUAN | --count 100x3,50x1 [--reason TEXT]}: the till's shift (交班)
 * and its drawer. Reports print as the receipt printer prints them. Refused input exits 2 and changes nothing.
 */
@Command(name = "shift", description = "Opens and closes the till's shift (交班): float, paid-in, paid-out, X and Z "
        + "reports.", subcommands = {ShiftCommand.Open.class, ShiftCommand.PaidIn.class, ShiftCommand.PaidOut.class,
                ShiftCommand.XReport.class, ShiftCommand.Close.class})
final class ShiftCommand {

    @ParentCommand
    TongPosCommand parent;

    /** A subcommand of {@code shift}: acts as {@code --operator}, says a refusal in the terminal's language. */
    abstract static class Sub extends TerminalCommand {
        @ParentCommand
        ShiftCommand shiftCommand;

        @Mixin
        ActorOption actor;

        @Override
        TongPosCommand root() {
            return shiftCommand.parent;
        }

        abstract int act(Terminal terminal, Session session);

        @Override
        final int run(Terminal terminal) {
            Messages messages = terminal.messages();
            try {
                return act(terminal, actor.session(terminal));
            } catch (OperatorException e) {
                err().println(e.text(messages));
            } catch (ShiftException e) {
                err().println(messages.get(e.key(), e.args()));
            } catch (AccessDeniedException e) {
                err().println(messages.get(AccessDeniedException.KEY, e.operator().number(), e.operator().name(),
                        messages.get(e.operator().role().messageKey()), messages.get(e.permission().messageKey())));
            }
            return ExitCodes.BAD_INPUT;
        }

        Optional<Money> yuan(Terminal terminal, String text) {
            try {
                return Optional.of(Money.parseYuan(text));
            } catch (IllegalArgumentException | ArithmeticException e) {
                err().println(terminal.messages().get("cli.shift.badAmount", text));
                return Optional.empty();
            }
        }

        void print(Terminal terminal, ShiftReport report) {
            out().print(terminal.shiftReports().text(report, terminal.receiptPaper()));
        }
    }

    @Command(name = "open", description = "Opens a shift with the float (change) in the drawer.")
    static final class Open extends Sub {
        @Option(names = "--float", paramLabel = "YUAN", required = true, description = "Cash in the drawer at the start.")
        String openingFloat;

        @Override
        int act(Terminal terminal, Session session) {
            Optional<Money> amount = yuan(terminal, openingFloat);
            if (amount.isEmpty()) {
                return ExitCodes.BAD_INPUT;
            }
            Shift shift = terminal.shifts().open(session, amount.get());
            out().println(terminal.messages().get("cli.shift.opened", shift.id(), shift.openingFloat().toYuanString()));
            return ExitCodes.OK;
        }
    }

    /** paid-in and paid-out. */
    abstract static class Movement extends Sub {
        @Parameters(index = "0", paramLabel = "YUAN")
        String amount;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (printed on the reports).")
        String reason;

        abstract CashMovement.Kind kind();

        @Override
        int act(Terminal terminal, Session session) {
            Optional<Money> money = yuan(terminal, amount);
            if (money.isEmpty()) {
                return ExitCodes.BAD_INPUT;
            }
            CashMovement movement = kind() == CashMovement.Kind.PAID_IN
                    ? terminal.shifts().paidIn(session, money.get(), reason)
                    : terminal.shifts().paidOut(session, money.get(), reason);
            out().println(terminal.messages().get("shift.report.movement." + movement.kind().name(),
                    movement.amount().toYuanString(), movement.reason()));
            out().println(terminal.messages().get("cli.shift.expected", terminal.shifts().expectedCash().toYuanString()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "paid-in", description = "Records cash put into the drawer outside a sale, with a reason.")
    static final class PaidIn extends Movement {
        @Override
        CashMovement.Kind kind() {
            return CashMovement.Kind.PAID_IN;
        }
    }

    @Command(name = "paid-out", description = "Records cash taken out of the drawer outside a sale, with a reason.")
    static final class PaidOut extends Movement {
        @Override
        CashMovement.Kind kind() {
            return CashMovement.Kind.PAID_OUT;
        }
    }

    @Command(name = "x", description = "Prints the X report of the open shift (the shift stays open).")
    static final class XReport extends Sub {
        @Override
        int act(Terminal terminal, Session session) {
            print(terminal, terminal.shifts().xReport(session));
            return ExitCodes.OK;
        }
    }

    @Command(name = "close", description = "Closes the shift with the drawer's count and prints the Z report.")
    static final class Close extends Sub {

        @ArgGroup(exclusive = true, multiplicity = "1")
        Count count;

        /** One of the two forms of the count. */
        static final class Count {
            @Option(names = "--counted", paramLabel = "YUAN", description = "The cash counted in the drawer.")
            String counted;

            @Option(names = "--count", paramLabel = "DENOMxPIECES,...",
                    description = "The count by denomination, e.g. 100x3,50x1,0.5x4.")
            String byDenomination;
        }

        @Option(names = "--reason", paramLabel = "TEXT",
                description = "Why the drawer is over or short (needed above shift.over-short-tolerance).")
        String reason;

        @Override
        int act(Terminal terminal, Session session) {
            DrawerCount drawer;
            if (count.counted != null) {
                Optional<Money> money = yuan(terminal, count.counted);
                if (money.isEmpty() || money.get().isNegative()) {
                    money.ifPresent(m -> err().println(terminal.messages().get("cli.shift.badAmount", count.counted)));
                    return ExitCodes.BAD_INPUT;
                }
                drawer = DrawerCount.ofTotal(money.get());
            } else {
                Optional<DrawerCount> parsed = DrawerCount.parse(count.byDenomination);
                if (parsed.isEmpty()) {
                    err().println(terminal.messages().get("cli.shift.badCount", count.byDenomination));
                    return ExitCodes.BAD_INPUT;
                }
                drawer = parsed.get();
            }
            print(terminal, terminal.shifts().close(session, drawer, reason));
            return ExitCodes.OK;
        }
    }
}
