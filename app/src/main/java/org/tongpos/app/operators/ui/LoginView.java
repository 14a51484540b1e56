package org.tongpos.app.operators.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.Operator;
import org.tongpos.app.operators.domain.OperatorRules;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;

/**
 * The log-in and lock screen, shown in place of the till: operator number and PIN, typed or tapped on the pad, Enter to
 * log in, Esc to clear; and the form for a new PIN when one must be changed.
 */
public final class LoginView {

    private final LoginViewModel vm;
    private final Messages messages;
    private final StackPane root;
    private final VBox loginForm;
    private final VBox changeForm;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label changeSubtitle = new Label();
    private final TextField number = new TextField();
    private final PasswordField pin = new PasswordField();
    private final PasswordField newPin = new PasswordField();
    private final PasswordField repeatPin = new PasswordField();
    private final Subscriptions subscriptions = new Subscriptions();

    public LoginView(LoginViewModel vm, Messages messages, String storeName) {
        this.vm = vm;
        this.messages = messages;
        Label store = new Label(storeName);
        store.getStyleClass().add("login-store");
        title.setId("login-title");
        title.getStyleClass().add("dialog-title");
        subtitle.setId("login-subtitle");
        subtitle.setWrapText(true);
        NoticeLabel notice = new NoticeLabel(vm.notice(), messages, subscriptions).collapsing();
        notice.setId("login-notice");

        field(number, "login-number", "login.number.prompt", vm.operatorNumber());
        field(pin, "login-pin", "login.pin.prompt", vm.pin());
        number.setOnAction(e -> {
            if (vm.pin().get().isEmpty()) {
                pin.requestFocus();
            } else {
                vm.confirm();
            }
        });
        pin.setOnAction(e -> vm.confirm());
        Button logIn = Buttons.keyed(messages, "Enter", messages.get("login.confirm"), vm::confirm);
        logIn.setId("login-confirm");
        logIn.getStyleClass().add("primary");
        logIn.disableProperty().bind(vm.working());
        Button clear = Buttons.keyed(messages, "Esc", messages.get("login.clear"), this::back);
        loginForm = new VBox(12, number, pin, new PinPad(messages, List.of(number, pin)), Buttons.row(logIn, clear));

        field(newPin, "login-new-pin", "login.changePin.new", vm.newPin());
        field(repeatPin, "login-repeat-pin", "login.changePin.repeat", vm.repeatPin());
        newPin.setOnAction(e -> repeatPin.requestFocus());
        repeatPin.setOnAction(e -> vm.confirm());
        changeSubtitle.setWrapText(true);
        changeSubtitle.setId("login-change-subtitle");
        Button save = Buttons.keyed(messages, "Enter", messages.get("login.changePin.confirm"), vm::confirm);
        save.setId("login-change-confirm");
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.working());
        Button back = Buttons.keyed(messages, "Esc", messages.get("login.changePin.back"), this::back);
        changeForm = new VBox(12, changeSubtitle, newPin, repeatPin,
                new PinPad(messages, List.of(newPin, repeatPin)), Buttons.row(save, back));

        VBox box = new VBox(14, store, title, subtitle, notice, loginForm, changeForm);
        box.getStyleClass().addAll("dialog", "login-box");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setPrefWidth(480);
        root = new StackPane(box);
        root.setAlignment(Pos.CENTER);
        root.setId("login-screen");
        root.getStyleClass().addAll("cashier-root", "login-screen");
        subscriptions.onChange(vm.stage(), (obs, old, stage) -> showStage());
        subscriptions.onChange(vm.locked(), (obs, old, locked) -> showStage());
        showStage();
    }

    public Region root() {
        return root;
    }

    /** Esc: back from the PIN change, or clear the fields. */
    public void back() {
        vm.back();
        focus();
    }

    /** Puts the keyboard where typing goes next: the PIN when the number is filled in, else the number. */
    public void focus() {
        Platform.runLater(() -> {
            Node target = vm.stage().get() == LoginViewModel.Stage.CHANGE_PIN ? newPin
                    : vm.operatorNumber().get().isEmpty() ? number : pin;
            target.requestFocus();
        });
    }

    public void dispose() {
        subscriptions.cancelAll();
    }

    private void field(TextField field, String id, String promptKey, javafx.beans.property.StringProperty value) {
        field.setId(id);
        field.getStyleClass().add("entry-field");
        field.setPromptText(messages.get(promptKey));
        field.textProperty().bindBidirectional(value);
        subscriptions.add(() -> field.textProperty().unbindBidirectional(value));
    }

    private void showStage() {
        boolean changing = vm.stage().get() == LoginViewModel.Stage.CHANGE_PIN;
        loginForm.setVisible(!changing);
        loginForm.setManaged(!changing);
        changeForm.setVisible(changing);
        changeForm.setManaged(changing);
        Session locked = vm.locked().get();
        if (changing) {
            Operator operator = vm.changing().get();
            title.setText(messages.get("login.changePin.title"));
            subtitle.setText("");
            changeSubtitle.setText(operator == null ? "" : messages.get("login.changePin.detail", operator.number(),
                    operator.name(), OperatorRules.PIN_MIN, OperatorRules.PIN_MAX));
        } else if (locked != null && locked.operator().isPresent()) {
            Operator operator = locked.operator().get();
            title.setText(messages.get("login.locked.title"));
            subtitle.setText(messages.get("login.locked.detail", messages.get(operator.role().messageKey()),
                    operator.number(), operator.name()));
        } else {
            title.setText(messages.get("login.title"));
            subtitle.setText(messages.get("login.detail"));
        }
        subtitle.setVisible(!subtitle.getText().isEmpty());
        subtitle.setManaged(subtitle.isVisible());
        focus();
    }
}
