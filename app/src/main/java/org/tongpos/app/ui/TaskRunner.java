package org.tongpos.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work that must not block the FX thread (database, devices) and hands the outcome back where the screen can
 * use it. The FX implementation runs the work on a background thread and the callbacks on the FX thread; the
 * direct one runs everything at once, for ViewModel tests.
 */
public interface TaskRunner {

    /** Runs {@code work}; then exactly one of {@code onSuccess} or {@code onFailure}. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);
}
