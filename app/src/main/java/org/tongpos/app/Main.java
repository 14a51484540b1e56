package org.tongpos.app;

/** Entry point of {@code tongpos.jar}: no command starts the cashier window, any command runs the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
