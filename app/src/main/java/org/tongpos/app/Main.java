package org.tongpos.app;

import org.tongpos.app.cli.TongPosCommand;
import org.tongpos.app.shell.GuiLauncher;

/** Entry point of {@code tongpos.jar}: no command starts the cashier window, any command runs the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = TongPosCommand.run(new GuiLauncher(), args);
        System.exit(status);
    }
}
