package org.tongpos.app;

import org.tongpos.app.cli.TongPosCommand;

/** Entry point of {@code tongpos.jar}: no command starts the cashier window, any command runs the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = TongPosCommand.run(dataDirectory -> {
            throw new UnsupportedOperationException("the cashier window is not wired yet");
        }, args);
        System.exit(status);
    }
}
