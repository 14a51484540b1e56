package org.tongpos.app.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tongpos.app.i18n.Messages;

/** The large buttons and titles of the features' till dialogs, each button showing its key ("F4 挂单"). */
public final class TillButtons {

    private TillButtons() {
    }

    /** A touch-sized button showing its key, which never takes the focus from the field being typed in. */
    public static Button keyed(Messages messages, String key, String text, Runnable action) {
        Button button = new Button(messages.get("checkout.action.keyed", key, text));
        button.getStyleClass().add("action-button");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        button.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(button, Priority.ALWAYS);
        return button;
    }

    public static HBox row(Button... buttons) {
        HBox row = new HBox(12, buttons);
        row.getStyleClass().add("dialog-buttons");
        return row;
    }

    public static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("dialog-title");
        title.setWrapText(true);
        return title;
    }
}
