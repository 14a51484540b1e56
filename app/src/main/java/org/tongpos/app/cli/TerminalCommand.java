package org.tongpos.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tongpos.app.Terminal;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that works on the terminal's data: opens it, runs, closes it. */
abstract class TerminalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    abstract TongPosCommand root();

    abstract int run(Terminal terminal);

    @Override
    public final Integer call() {
        try (Terminal terminal = Terminal.open(root().dataDirectory())) {
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
