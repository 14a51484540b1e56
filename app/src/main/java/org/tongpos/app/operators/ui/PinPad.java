package org.tongpos.app.operators.ui;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.tongpos.app.i18n.Messages;

/**
 * A touch keypad for numbers and PINs: digits, backspace and clear, typed into whichever of its fields last had the
 * focus. Its buttons never take the focus, so a keyboard and the pad can be mixed.
 */
final class PinPad extends GridPane {

    private TextField target;

    PinPad(Messages messages, List<TextField> fields) {
        getStyleClass().add("pin-pad");
        setHgap(8);
        setVgap(8);
        target = fields.get(0);
        for (TextField field : fields) {
            field.focusedProperty().addListener((obs, was, focused) -> {
                if (focused) {
                    target = field;
                }
            });
        }
        String[] digits = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
        for (int i = 0; i < digits.length; i++) {
            String digit = digits[i];
            add(key(digit, "pin-key-" + digit, () -> type(digit)), i % 3, i / 3);
        }
        add(key(messages.get("login.pad.clear"), "pin-key-clear", () -> target.clear()), 0, 3);
        add(key("0", "pin-key-0", () -> type("0")), 1, 3);
        add(key("⌫", "pin-key-back", this::backspace), 2, 3);
    }

    private void type(String digit) {
        if (target.getLength() < 8) {
            target.appendText(digit);
        }
        target.requestFocus();
        target.end();
    }

    private void backspace() {
        String text = target.getText();
        if (!text.isEmpty()) {
            target.setText(text.substring(0, text.length() - 1));
        }
        target.requestFocus();
        target.end();
    }

    private static Button key(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().addAll("action-button", "pin-key");
        button.setFocusTraversable(false);
        button.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(button, Priority.ALWAYS);
        button.setOnAction(e -> action.run());
        return button;
    }
}
