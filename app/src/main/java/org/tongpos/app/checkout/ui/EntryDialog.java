package org.tongpos.app.checkout.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.NoticeLabel;

/** Asks for a number: the weight of weighed goods (kg) or the new quantity of the selected line. */
final class EntryDialog implements CashierDialog {

    private final VBox root;
    private final TextField field = new TextField();
    private final Label title = DialogParts.title("");
    private final Label prompt = new Label();

    EntryDialog(CashierViewModel vm, Messages messages, KeyBindings keys, Subscriptions subscriptions) {
        field.setId("entry-field");
        field.getStyleClass().add("entry-field");
        field.textProperty().bindBidirectional(vm.entryText());
        subscriptions.add(() -> field.textProperty().unbindBidirectional(vm.entryText()));
        field.setOnAction(e -> vm.confirmEntry());
        subscriptions.onChange(vm.entry(), (obs, old, entry) -> {
            if (entry == null) {
                return;
            }
            String price = new CartLineText(messages).price(entry.product());
            String name = entry.product().name();
            title.setText(entry.isNewLine() ? messages.get("checkout.weight.title", name, price)
                    : messages.get("checkout.quantity.title", name, price));
            prompt.setText(entry.weight() ? messages.get("checkout.weight.prompt")
                    : messages.get("checkout.quantity.prompt"));
        });
        NoticeLabel error = new NoticeLabel(vm.entryNotice(), messages, subscriptions).collapsing();
        root = new VBox(12, title, prompt, field, error, DialogParts.buttonRow(
                DialogParts.keyed(messages, "Enter", messages.get("common.ok"), vm::confirmEntry),
                DialogParts.keyed(messages, keys.label(CashierAction.CANCEL), messages.get("common.cancel"),
                        () -> vm.perform(CashierAction.CANCEL))));
        root.setPrefWidth(520);
        root.setId("entry-dialog");
    }

    @Override
    public Region root() {
        return root;
    }

    @Override
    public Node focusTarget() {
        return field;
    }

    /** Selects the current quantity, so typing replaces it. */
    @Override
    public void shown() {
        field.selectAll();
    }
}
