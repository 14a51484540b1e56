package org.tongpos.app.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Pops up what the cashier must know while doing something else (a printer fault, the bank out of reach), with
 * ControlsFX's {@link Notifications}: in the window's corner, for a few seconds, never taking the keyboard focus
 * from scanning. Call on the FX thread.
 */
public final class Alerts {

    /** Every alert carries this style class, so tests and the stylesheet find them. */
    public static final String STYLE_CLASS = "tongpos-alert";
    private static final Duration SHOWN_FOR = Duration.seconds(8);

    private Alerts() {
    }

    /** Shows an alert over the window {@code anchor} is in; nothing when it is in no window that shows. */
    public static void show(Node anchor, String title, String text, boolean error) {
        Window window = anchor == null || anchor.getScene() == null ? null : anchor.getScene().getWindow();
        if (window == null || !window.isShowing()) {
            return;
        }
        Notifications notification = Notifications.create().owner(window).title(title).text(text)
                .position(Pos.TOP_RIGHT).hideAfter(SHOWN_FOR).styleClass(STYLE_CLASS);
        if (error) {
            notification.showError();
        } else {
            notification.showInformation();
        }
    }
}
