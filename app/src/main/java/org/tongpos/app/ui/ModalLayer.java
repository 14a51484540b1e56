package org.tongpos.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A screen with room for one dialog drawn over it, inside the same scene: the screen behind is dimmed and disabled
 * while the dialog shows. Dialogs in the scene (not in windows of their own) keep one keyboard path for the
 * scanner and survive window managers that would hide a second window behind a full-screen till.
 */
public final class ModalLayer extends StackPane {

    private final Node content;
    private final StackPane scrim = new StackPane();

    public ModalLayer(Node content) {
        this.content = content;
        scrim.getStyleClass().add("modal-scrim");
        scrim.setVisible(false);
        getChildren().addAll(content, scrim);
    }

    public void show(Region dialog) {
        show(dialog, null);
    }

    /**
     * Shows the dialog with a banner over the dimmed screen above it, for what the screen behind must still say
     * while a dialog that has no place for it is open (a scan refused during settings, say).
     */
    public void show(Region dialog, Region banner) {
        dialog.getStyleClass().add("dialog");
        dialog.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(dialog, Pos.CENTER);
        scrim.getChildren().setAll(dialog);
        if (banner != null) {
            banner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            StackPane.setAlignment(banner, Pos.TOP_CENTER);
            StackPane.setMargin(banner, new Insets(24));
            scrim.getChildren().add(banner);
        }
        scrim.setVisible(true);
        content.setDisable(true);
    }

    public void hide() {
        scrim.getChildren().clear();
        scrim.setVisible(false);
        content.setDisable(false);
    }

    public boolean isShowing() {
        return scrim.isVisible();
    }
}
