package org.tongpos.app.operators.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.ApprovalRequest;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;

/**
 * The approval prompt, drawn over any screen (put {@link #root()} in the screen's modal layer while
 * {@link ApprovalViewModel#request()} is set): what needs approving and who may, the approver's number and PIN
 * (keyboard or the touch pad), Enter to approve, the cancel key to give up.
 */
public final class ApprovalDialog {

    private final ApprovalViewModel vm;
    private final Messages messages;
    private final VBox root;
    private final Label what = new Label();
    private final Label who = new Label();
    private final TextField number = new TextField();
    private final PasswordField pin = new PasswordField();

    /** @param cancelKey the label of the key that cancels (the screen's Esc) */
    public ApprovalDialog(ApprovalViewModel vm, Messages messages, String cancelKey, Subscriptions subscriptions) {
        this.vm = vm;
        this.messages = messages;
        Label title = new Label(messages.get("approval.title"));
        title.getStyleClass().add("dialog-title");
        what.setId("approval-what");
        what.getStyleClass().add("approval-what");
        what.setWrapText(true);
        who.setId("approval-who");
        who.setWrapText(true);
        number.setId("approval-number");
        number.getStyleClass().add("entry-field");
        number.setPromptText(messages.get("login.number.prompt"));
        number.textProperty().bindBidirectional(vm.operatorNumber());
        subscriptions.add(() -> number.textProperty().unbindBidirectional(vm.operatorNumber()));
        number.setOnAction(e -> {
            if (vm.pin().get().isEmpty()) {
                pin.requestFocus();
            } else {
                vm.confirm();
            }
        });
        pin.setId("approval-pin");
        pin.getStyleClass().add("entry-field");
        pin.setPromptText(messages.get("login.pin.prompt"));
        pin.textProperty().bindBidirectional(vm.pin());
        subscriptions.add(() -> pin.textProperty().unbindBidirectional(vm.pin()));
        pin.setOnAction(e -> vm.confirm());
        NoticeLabel notice = new NoticeLabel(vm.notice(), messages, subscriptions).collapsing();
        notice.setId("approval-notice");
        Button confirm = Buttons.keyed(messages, "Enter", messages.get("approval.confirm"), vm::confirm);
        confirm.setId("approval-confirm");
        confirm.getStyleClass().add("primary");
        Button cancel = Buttons.keyed(messages, cancelKey, messages.get("common.cancel"), vm::cancel);
        cancel.setId("approval-cancel");
        confirm.disableProperty().bind(vm.working());
        cancel.disableProperty().bind(vm.working());
        PinPad pad = new PinPad(messages, List.of(number, pin));
        root = new VBox(12, title, what, who, number, pin, notice, pad, Buttons.row(confirm, cancel));
        root.setPrefWidth(520);
        root.setId("approval-dialog");
        subscriptions.onChange(vm.request(), (obs, old, request) -> show(request));
        show(vm.request().get());
    }

    public Region root() {
        return root;
    }

    /** The field that takes the keyboard when the prompt opens. */
    public Node focusTarget() {
        return number;
    }

    /** Puts the keyboard on the number field (call once the dialog shows). */
    public void focus() {
        Platform.runLater(number::requestFocus);
    }

    private void show(ApprovalRequest request) {
        if (request == null) {
            return;
        }
        String amount = request.amount().map(m -> messages.get("approval.amount", m.toYuanString())).orElse("");
        what.setText(messages.get("approval.what", messages.get(request.action().messageKey()), request.subject(),
                amount));
        who.setText(messages.get("approval.who", messages.get(request.permission().messageKey())));
    }
}
