package org.tongpos.app.checkout.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.tongpos.app.i18n.Messages;

/** Pieces the cashier dialogs share: titles and the row of large buttons that show their keys. */
final class DialogParts {

    private DialogParts() {
    }

    static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("dialog-title");
        title.setWrapText(true);
        return title;
    }

    /** A touch-sized button showing its key, which never takes the focus away from the field being typed in. */
    static Button keyed(Messages messages, String key, String text, Runnable action) {
        Button button = new Button(messages.get("checkout.action.keyed", key, text));
        button.getStyleClass().add("action-button");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        button.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(button, Priority.ALWAYS);
        return button;
    }

    /** A touch-sized button without a key (quick-cash notes), which never takes the focus. */
    static Button plain(String text, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("action-button");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    static HBox buttonRow(Button... buttons) {
        HBox row = new HBox(12, buttons);
        row.getStyleClass().add("dialog-buttons");
        return row;
    }

    static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
