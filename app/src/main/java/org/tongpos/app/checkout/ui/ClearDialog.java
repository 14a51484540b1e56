package org.tongpos.app.checkout.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Subscriptions;

/** "Clear this sale?" with the reason (typed, or a listed reason's number) — Enter clears, Esc keeps the sale. */
final class ClearDialog implements CashierDialog {

    private final VBox root;
    private final Label detail = new Label();
    private final Button confirm;
    private final javafx.scene.control.TextField field;

    ClearDialog(CashierViewModel vm, Messages messages, KeyBindings keys, Subscriptions subscriptions) {
        field = VoidReasonDialog.reasonField(vm, messages, subscriptions, vm::confirmClear);
        confirm = DialogParts.keyed(messages, "Enter", messages.get("checkout.clear.confirm"),
                () -> field.getOnAction().handle(new javafx.event.ActionEvent()));
        confirm.getStyleClass().add("danger");
        detail.setWrapText(true);
        subscriptions.onChange(vm.mode(), (obs, old, mode) -> {
            if (mode == CashierMode.CONFIRM_CLEAR) {
                detail.setText(messages.get("checkout.clear.detail", vm.lines().size(), vm.itemCount().get(),
                        vm.total().get().toYuanString()));
            }
        });
        root = new VBox(16, DialogParts.title(messages.get("checkout.clear.title")), detail,
                VoidReasonDialog.reasonPart(vm, messages, subscriptions, field, vm::confirmClear), DialogParts.buttonRow(confirm,
                        DialogParts.keyed(messages, keys.label(CashierAction.CANCEL), messages.get("common.cancel"),
                                () -> vm.perform(CashierAction.CANCEL))));
        root.setPrefWidth(560);
        root.setId("clear-dialog");
    }

    @Override
    public Region root() {
        return root;
    }

    @Override
    public Node focusTarget() {
        return field;
    }
}
