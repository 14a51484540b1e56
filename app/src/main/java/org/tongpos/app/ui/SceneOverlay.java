package org.tongpos.app.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

/**
 * A dialog a feature draws over the whole cashier window (the till dimmed behind it, as the till's own dialogs are):
 * the scene's root goes into a {@link ModalLayer} while the dialog shows and comes back as it was when it closes. The
 * window's keyboard path stays the scene's, so the scanner keeps working; features route keys and scans to their
 * dialog while {@link #isShowing()}.
 */
public final class SceneOverlay {

    private Scene scene;
    private Parent behind;
    private ModalLayer layer;

    /** Shows {@code dialog} over what {@code target} shows now (or replaces the dialog already shown). */
    public void show(Scene target, Region dialog, Node focus) {
        if (layer == null) {
            scene = target;
            behind = target.getRoot();
            // a scene's root cannot become another node's child until the scene lets it go
            target.setRoot(new javafx.scene.Group());
            layer = new ModalLayer(behind);
            layer.getStyleClass().add("cashier-root");
            layer.setStyle(behind.getStyle());
            layer.getStylesheets().setAll(behind.getStylesheets());
            target.setRoot(layer);
        }
        layer.show(dialog);
        if (focus != null) {
            Platform.runLater(focus::requestFocus);
        }
    }

    /** Puts the window back as it was; nothing happens when no dialog shows. */
    public void hide() {
        if (layer == null) {
            return;
        }
        layer.hide();
        ModalLayer shown = layer;
        layer = null;
        if (scene.getRoot() == shown) {
            shown.getChildren().remove(behind);
            scene.setRoot(behind);
        } else {
            // someone put another screen in front meanwhile (the lock screen): it returns to the till, not to us
            shown.getChildren().remove(behind);
        }
        behind = null;
        scene = null;
    }

    public boolean isShowing() {
        return layer != null;
    }

    /** The scene the dialog shows in, while it shows. */
    public Scene scene() {
        return scene;
    }
}
