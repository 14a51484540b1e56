package org.tongpos.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work and its callback at once on the calling thread: for tests and for code that is already off FX. */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
