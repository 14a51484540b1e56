package org.tongpos.hardware.link;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon timer thread that aborts blocking I/O which has no timeout of its own (socket and file writes). */
final class Watchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "device-io-watchdog");
        t.setDaemon(true);
        return t;
    });

    private Watchdog() {
    }

    static ScheduledFuture<?> schedule(Runnable action, long delay, TimeUnit unit) {
        return TIMER.schedule(action, delay, unit);
    }
}
