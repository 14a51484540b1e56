package org.tongpos.app.operators.ui;

import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tongpos.app.i18n.Messages;

/** The large buttons of the operator screens, each showing its key, never taking the focus from the fields. */
final class Buttons {

    private Buttons() {
    }

    static Button keyed(Messages messages, String key, String text, Runnable action) {
        Button button = new Button(messages.get("checkout.action.keyed", key, text));
        button.getStyleClass().add("action-button");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        button.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(button, Priority.ALWAYS);
        return button;
    }

    static HBox row(Button... buttons) {
        HBox row = new HBox(12, buttons);
        row.getStyleClass().add("dialog-buttons");
        return row;
    }
}
