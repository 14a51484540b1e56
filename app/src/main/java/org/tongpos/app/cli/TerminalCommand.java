package org.tongpos.app.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tongpos.app.Terminal;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.service.OperatorSetup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that works on the terminal's data: opens it, runs, closes it. A terminal without any operator gets its
 * first manager here, and the command says so once, with the initial PIN (on the error stream, so that output meant
 * for scripts stays clean).
 */
abstract class TerminalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    abstract TongPosCommand root();

    abstract int run(Terminal terminal);

    /** False for a command that sets up operators of its own on a new terminal ({@code demo-data}). */
    boolean createsFirstManager() {
        return true;
    }

    @Override
    public final Integer call() {
        try (Terminal terminal = Terminal.open(root().dataDirectory())) {
            if (createsFirstManager()) {
                Optional<Operator> created = terminal.operators().setup().ensureFirstManager();
                created.ifPresent(manager -> err().println(terminal.messages().get("cli.operator.firstManager",
                        manager.number(), manager.name(), OperatorSetup.FIRST_MANAGER_PIN)));
            }
            return run(terminal);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A subcommand directly under {@code tongpos}. */
    abstract static class Top extends TerminalCommand {
        @ParentCommand
        TongPosCommand parent;

        @Override
        TongPosCommand root() {
            return parent;
        }
    }
}
