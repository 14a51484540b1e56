package org.tongpos.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.Role;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.operators.service.PinHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code operator add NO NAME ROLE --pin PIN}, {@code operator list}, {@code operator set-pin NO},
 * {@code operator disable NO}, {@code operator enable NO}. Each change is in the audit log, as the {@code --operator}
 * given or {@code system}. Bad input exits 2 and changes nothing.
 */
@Command(name = "operator", description = "Add, list and manage the operators who log in to the window.",
        subcommands = {OperatorCommand.Add.class, OperatorCommand.ListAll.class, OperatorCommand.SetPin.class,
                OperatorCommand.Disable.class, OperatorCommand.Enable.class})
final class OperatorCommand {

    @ParentCommand
    TongPosCommand parent;

    /** A subcommand of {@code operator}. */
    abstract static class Sub extends TerminalCommand {
        @ParentCommand
        OperatorCommand operatorCommand;

        @Override
        TongPosCommand root() {
            return operatorCommand.parent;
        }

        int refused(Terminal terminal, OperatorException e) {
            err().println(e.text(terminal.messages()));
            return ExitCodes.BAD_INPUT;
        }
    }

    @Command(name = "add", description = "Adds an operator: NO (digits), NAME, ROLE (CASHIER, SUPERVISOR, MANAGER, "
            + "AUDITOR, or 收银员/主管/店长/审计员).")
    static final class Add extends Sub {
        @Parameters(index = "0", paramLabel = "NO")
        String number;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Parameters(index = "2", paramLabel = "ROLE")
        String role;

        @Option(names = "--pin", paramLabel = "PIN", required = true, description = "4 to 8 digits.")
        String pin;

        @Option(names = "--must-change", description = "The operator must choose a new PIN at the first log-in.")
        boolean mustChange;

        @Mixin
        ActorOption actor;

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            Optional<Role> parsed = Role.parse(role);
            if (parsed.isEmpty()) {
                err().println(messages.get("cli.operator.badRole", role));
                return ExitCodes.BAD_INPUT;
            }
            char[] chosen = pin.toCharArray();
            try {
                Session by = actor.session(terminal);
                Operator added = terminal.operators().operators().add(by, number, name, parsed.get(), chosen,
                        mustChange);
                out().println(messages.get("cli.operator.added", added.number(), added.name(),
                        messages.get(added.role().messageKey())));
                return ExitCodes.OK;
            } catch (OperatorException e) {
                return refused(terminal, e);
            } finally {
                PinHasher.wipe(chosen);
            }
        }
    }

    @Command(name = "list", description = "Lists the operators: number, name, role, state.")
    static final class ListAll extends Sub {
        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            ZoneId zone = terminal.clock().getZone();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            for (Operator operator : terminal.operators().operators().list(terminal.systemSession())) {
                String state;
                if (!operator.enabled()) {
                    state = messages.get("cli.operator.state.disabled");
                } else if (operator.isLockedAt(terminal.clock().instant())) {
                    state = messages.get("cli.operator.state.locked",
                            time.format(operator.lockedUntil().orElseThrow().atZone(zone)));
                } else if (operator.mustChangePin()) {
                    state = messages.get("cli.operator.state.mustChange");
                } else {
                    state = messages.get("cli.operator.state.enabled");
                }
                out().println(operator.number() + "\t" + operator.name() + "\t"
                        + messages.get(operator.role().messageKey()) + "\t" + state);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set-pin", description = "Sets an operator's PIN (and ends a lockout): --pin, or typed without "
            + "echo (twice) on a terminal, or the first line of standard input.")
    static final class SetPin extends Sub {
        @Parameters(index = "0", paramLabel = "NO")
        String number;

        @Option(names = "--pin", paramLabel = "PIN", description = "4 to 8 digits (else it is asked for).")
        String pin;

        @Option(names = "--must-change", description = "The operator must choose a new PIN at the next log-in.")
        boolean mustChange;

        @Mixin
        ActorOption actor;

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            char[] chosen;
            try {
                chosen = pin != null ? pin.toCharArray() : readPin(messages);
            } catch (IOException e) {
                err().println(messages.get("cli.operator.pinUnreadable", e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            if (chosen == null) {
                err().println(messages.get("cli.operator.pinMismatch"));
                return ExitCodes.BAD_INPUT;
            }
            try {
                Session by = actor.session(terminal);
                terminal.operators().operators().setPin(by, number, chosen, mustChange);
                out().println(messages.get("cli.operator.pinSet", number));
                return ExitCodes.OK;
            } catch (OperatorException e) {
                return refused(terminal, e);
            } finally {
                PinHasher.wipe(chosen);
            }
        }

        /** Twice without echo on a console; else one line of standard input. Null when the two differ. */
        private char[] readPin(Messages messages) throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("%s", messages.get("cli.operator.pinPrompt"));
                char[] second = console.readPassword("%s", messages.get("cli.operator.pinRepeat"));
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    PinHasher.wipe(first);
                    PinHasher.wipe(second);
                    return null;
                }
                PinHasher.wipe(second);
                return first;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? new char[0] : line.strip().toCharArray();
        }
    }

    @Command(name = "disable", description = "Disables an operator: no more log-ins or approvals (the last "
            + "enabled manager cannot be disabled).")
    static final class Disable extends Sub {
        @Parameters(index = "0", paramLabel = "NO")
        String number;

        @Mixin
        ActorOption actor;

        @Override
        int run(Terminal terminal) {
            try {
                terminal.operators().operators().disable(actor.session(terminal), number);
                out().println(terminal.messages().get("cli.operator.disabled", number));
                return ExitCodes.OK;
            } catch (OperatorException e) {
                return refused(terminal, e);
            }
        }
    }

    @Command(name = "enable", description = "Enables a disabled operator again.")
    static final class Enable extends Sub {
        @Parameters(index = "0", paramLabel = "NO")
        String number;

        @Mixin
        ActorOption actor;

        @Override
        int run(Terminal terminal) {
            try {
                terminal.operators().operators().enable(actor.session(terminal), number);
                out().println(terminal.messages().get("cli.operator.enabled", number));
                return ExitCodes.OK;
            } catch (OperatorException e) {
                return refused(terminal, e);
            }
        }
    }
}
