package org.tongpos.app.ui;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * A feature's screen shown in place of the till: it becomes the window scene's root, and the till's root comes back
 * when it closes. The window's callback runs after that (it gives the scanner the focus back when no screen shows).
 */
public final class SubScreen {

    private Scene scene;
    private Parent till;
    private Runnable onClosed = () -> { };

    public void setOnClosed(Runnable onClosed) {
        this.onClosed = onClosed;
    }

    public boolean isShowing() {
        return till != null;
    }

    /** Shows {@code root} in place of what {@code target} shows now. */
    public void show(Scene target, Parent root) {
        if (isShowing()) {
            close();
        }
        scene = target;
        till = target.getRoot();
        target.setRoot(root);
    }

    public void close() {
        if (till == null) {
            return;
        }
        scene.setRoot(till);
        till = null;
        scene = null;
        Platform.runLater(onClosed);
    }
}
