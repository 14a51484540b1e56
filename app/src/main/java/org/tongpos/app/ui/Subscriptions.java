package org.tongpos.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The listeners a view put on longer-lived ViewModels, so that a view that is replaced (after a language change)
 * can take them all off again and be forgotten.
 */
public final class Subscriptions {

    private final List<Runnable> cancels = new ArrayList<>();

    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        cancels.add(() -> value.removeListener(listener));
    }

    /** Something else to undo when the view goes (an unbind, a stopped timer). */
    public void add(Runnable cancel) {
        cancels.add(cancel);
    }

    public void cancelAll() {
        cancels.forEach(Runnable::run);
        cancels.clear();
    }
}
