package org.tongpos.app;

import org.tongpos.app.cli.TongPosCommand;
import org.tongpos.app.shell.GuiLauncher;

/** Entry point of {@code tongpos.jar}: no command starts the cashier window, any command runs the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (TongPosCommand.startsWindow(args)) {
            GuiLauncher.prestart(); // the JavaFX toolkit starts while the command line is parsed and the database opens
        }
        // the launcher (and the logging it sets up) is made only when the window starts: --version never pays for it
        int status = TongPosCommand.run(dataDirectory -> new GuiLauncher().start(dataDirectory), args);
        System.exit(status);
    }
}
