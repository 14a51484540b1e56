package org.tongpos.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.service.RuleProblem;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.logging.TerminalLogging;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.service.OperatorSetup;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.storage.DirectoryLock;
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

    /**
     * Takes the data directory for the command's time (a window or another command that has it makes this one stop
     * at once, saying so in the terminal's language, exit 1), opens the terminal, runs, closes.
     */
    @Override
    public final Integer call() {
        Path directory = root().dataDirectory();
        Optional<DirectoryLock> lock = DirectoryLock.tryAcquire(directory, DirectoryLock.Holder.COMMAND);
        if (lock.isEmpty()) {
            Optional<DirectoryLock.Owner> owner = DirectoryLock.owner(directory);
            Optional<Integer> handled = owner.flatMap(this::whenOwnedBy);
            if (handled.isPresent()) {
                return handled.get();
            }
            Messages messages = Messages.forSetting(owner.map(DirectoryLock.Owner::locale).orElse(""));
            boolean window = owner.map(o -> o.holder() == DirectoryLock.Holder.WINDOW).orElse(false);
            err().println(messages.get(window ? "cli.busy.window" : "cli.busy.command", directory));
            return ExitCodes.FAILURE;
        }
        TerminalLogging.logToFiles(directory);
        try (DirectoryLock owned = lock.get(); Terminal terminal = Terminal.open(directory)) {
            owned.describe(terminal.settings().get(SettingKey.LOCALE), 0, "");
            if (createsFirstManager()) {
                Optional<Operator> created = terminal.operators().setup().ensureFirstManager();
                created.ifPresent(manager -> err().println(terminal.messages().get("cli.operator.firstManager",
                        manager.number(), manager.name(), OperatorSetup.FIRST_MANAGER_PIN)));
            }
            return run(terminal);
        }
    }

    /**
     * What the command does when another process owns the data directory: empty (the default) says so and exits 1;
     * a command that can ask the owning window to do the work ({@code backup create}) does it here.
     */
    Optional<Integer> whenOwnedBy(DirectoryLock.Owner owner) {
        return Optional.empty();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * A subcommand at any depth ({@code tongpos canteen period set}): the root is found through picocli's command tree,
     * and a change a service refuses ({@link RuleProblem}) is said in the terminal's language with exit 2.
     */
    abstract static class Nested extends TerminalCommand {
        @Override
        TongPosCommand root() {
            return (TongPosCommand) spec.root().userObject();
        }

        abstract int change(Terminal terminal);

        @Override
        final int run(Terminal terminal) {
            try {
                return change(terminal);
            } catch (RuleProblem problem) {
                err().println(terminal.messages().get(problem.key(), problem.args()));
                return ExitCodes.BAD_INPUT;
            }
        }
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
