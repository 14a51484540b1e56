package org.tongpos.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tongpos.app.DataDirectory;
import org.tongpos.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tongpos [--data-dir DIR] COMMAND}: without a command, starts the cashier window. The subcommands are in
 * {@link #SUBCOMMANDS}, not in the annotation: picocli builds the model of every registered command on start (its
 * classes, their fields' types, their options), so {@link #run} registers only the one the arguments name (all of
 * them for help and for arguments it does not recognise; none for {@code --version} and the window).
 */
@Command(name = "tongpos", mixinStandardHelpOptions = true, version = Version.TEXT,
        description = "TongPOS cash register and canteen terminal.")
public final class TongPosCommand implements Callable<Integer> {

    /** Every command under {@code tongpos}, in the order help lists them. A new command is added here. */
    static final List<Class<?>> SUBCOMMANDS = List.of(DemoDataCommand.class, CatalogCommand.class, SaleCommand.class,
            JournalCommand.class, ConfigCommand.class, SandboxCommand.class, SyncCommand.class, DeviceCommand.class,
            OperatorCommand.class, AuditCommand.class, PromoCommand.class, CanteenCommand.class, DinerCommand.class,
            FaceCommand.class, MealCommand.class, GuestCommand.class, ShiftCommand.class, RefundCommand.class,
            ReportCommand.class, BackupCommand.class, SupportCommand.class, StockCommand.class,
            ForecastCommand.class);

    /** Starts the desktop window for a data directory; the composition root passes the real one in. */
    public interface GuiStarter {
        int start(Path dataDirectory);
    }

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $TONGPOS_HOME, else ~/.tongpos).", scope = CommandLine.ScopeType.INHERIT)
    private Path dataDir;

    private final GuiStarter gui;

    public TongPosCommand(GuiStarter gui) {
        this.gui = gui;
    }

    Path dataDirectory() {
        return DataDirectory.resolve(dataDir, System.getenv(), System.getProperty("user.home"));
    }

    @Override
    public Integer call() {
        return gui.start(dataDirectory());
    }

    /** Runs the command line on the process's standard streams and returns the exit status. */
    public static int run(GuiStarter gui, String... args) {
        return run(gui, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /**
     * Runs the command line with the given output and error writers and returns the exit status. The window's own
     * forms ({@link #windowDataDirectory}) start it at once: picocli's model of the command costs a cold JVM about a
     * fifth of a second that the window's start would wait for (docs/performance.md).
     */
    public static int run(GuiStarter gui, PrintWriter out, PrintWriter err, String... args) {
        Optional<Path> window = windowDataDirectory(args);
        if (window.isPresent()) {
            return gui.start(DataDirectory.resolve(window.get().toString().isEmpty() ? null : window.get(),
                    System.getenv(), System.getProperty("user.home")));
        }
        CommandLine commandLine = new CommandLine(new TongPosCommand(gui));
        for (Class<?> command : subcommandsFor(args)) {
            commandLine.addSubcommand(command);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
            return ExitCodes.FAILURE;
        });
        return commandLine.execute(args);
    }

    /**
     * The window's forms, {@code tongpos}, {@code tongpos --data-dir DIR} and {@code tongpos --data-dir=DIR}: the
     * {@code --data-dir} given (an empty path for none); empty for anything else, which picocli parses (and answers
     * with help or an error where it must).
     */
    static Optional<Path> windowDataDirectory(String... args) {
        if (args.length == 0) {
            return Optional.of(Path.of(""));
        }
        String dir = null;
        if (args.length == 2 && args[0].equals("--data-dir") && !args[1].startsWith("-")) {
            dir = args[1];
        } else if (args.length == 1 && args[0].startsWith("--data-dir=")) {
            dir = args[0].substring("--data-dir=".length());
        }
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(dir));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Whether these arguments start the window: no command, no {@code --version}. */
    public static boolean startsWindow(String... args) {
        return subcommandsFor(args).isEmpty()
                && java.util.Arrays.stream(args).noneMatch(a -> a.equals("--version") || a.equals("-V"));
    }

    /**
     * The subcommands to register for these arguments: the one the first positional argument names, none when there
     * is none (the window, {@code --version}), and all of them for help, an unknown option or an unknown command (so
     * that picocli lists them and suggests one).
     */
    static List<Class<?>> subcommandsFor(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--data-dir")) {
                i++;
            } else if (arg.startsWith("--data-dir=") || arg.equals("--version") || arg.equals("-V")) {
                continue;
            } else if (arg.startsWith("-")) {
                return SUBCOMMANDS;
            } else {
                for (Class<?> command : SUBCOMMANDS) {
                    if (command.getAnnotation(Command.class).name().equals(arg)) {
                        return List.of(command);
                    }
                }
                return SUBCOMMANDS;
            }
        }
        return List.of();
    }
}
