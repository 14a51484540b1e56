package org.tongpos.app.shell;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;

/**
 * The JavaFX toolkit of the process, started once on a thread of its own as soon as the process knows that it will
 * show a window ({@link GuiLauncher#prestart()}, called before the command line is parsed), so that the toolkit's own
 * start overlaps the parsing, the logging set-up and the opening of the database instead of following them.
 */
final class FxToolkit {

    private static FxToolkit started;

    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private FxToolkit() {
    }

    /** Starts the toolkit unless this process already did; returns the start to wait for. */
    static synchronized FxToolkit start() {
        if (started == null) {
            FxToolkit toolkit = new FxToolkit();
            Thread thread = new Thread(toolkit::run, "tongpos-fx-start");
            thread.setDaemon(true);
            thread.start();
            started = toolkit;
        }
        return started;
    }

    private void run() {
        try {
            Platform.setImplicitExit(false);
            Platform.startup(ready::countDown);
        } catch (RuntimeException | Error e) {
            failure.set(e);
            ready.countDown();
        }
    }

    /** Waits until the toolkit runs; empty then, or why it could not start (e.g. no display). */
    Optional<Throwable> await() throws InterruptedException {
        ready.await();
        return Optional.ofNullable(failure.get());
    }

    /** Whether the toolkit runs now (and must be stopped at the end). */
    boolean running() {
        return ready.getCount() == 0 && failure.get() == null;
    }
}
