package org.tongpos.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs the command line in this JVM as {@code tongpos --data-dir DIR ARGS…} would, and keeps what the last command
 * printed. A command that tried to open the window fails the test.
 */
public final class CliRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command on {@code dataDir}; what the previous one printed is cleared. Returns the exit code. */
    public int run(Path dataDir, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TongPosCommand.run(d -> {
            throw new AssertionError("a command must not start the GUI");
        }, new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /** What the last command printed on standard output. */
    public String out() {
        return out.toString();
    }

    /** What the last command printed on standard error. */
    public String err() {
        return err.toString();
    }
}
