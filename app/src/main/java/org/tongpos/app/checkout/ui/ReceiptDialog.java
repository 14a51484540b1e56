package org.tongpos.app.checkout.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.service.ReceiptText;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Subscriptions;

/** After payment: the change in large type, the receipt as it will print, and "next sale" (Enter or Esc). */
final class ReceiptDialog implements CashierDialog {

    private final VBox root;
    private final Label change = new Label();
    private final TextArea receipt = new TextArea();
    private final Button next;

    ReceiptDialog(CashierViewModel vm, Messages messages, KeyBindings keys, Subscriptions subscriptions,
                  Station station, String monoFamily) {
        ReceiptText receiptText = new ReceiptText(messages, station.receiptColumns());
        change.setId("receipt-change");
        change.getStyleClass().add("receipt-change");
        receipt.setId("receipt-text");
        receipt.getStyleClass().add("receipt-text");
        receipt.setEditable(false);
        receipt.setFocusTraversable(false);
        receipt.setStyle("-fx-font-family: '" + monoFamily + "';");
        receipt.setPrefColumnCount(station.receiptColumns() + 2);
        receipt.setPrefRowCount(18);
        next = DialogParts.keyed(messages, "Enter / " + keys.label(CashierAction.CANCEL),
                messages.get("checkout.receipt.next"), vm::nextSale);
        next.setDefaultButton(true);
        next.getStyleClass().add("primary");
        subscriptions.onChange(vm.completedSale(), (obs, old, sale) -> show(sale, receiptText, messages, station));
        root = new VBox(12, DialogParts.title(messages.get("checkout.receipt.title")), change, receipt, next);
        root.setId("receipt-dialog");
        show(vm.completedSale().get(), receiptText, messages, station);
    }

    private void show(CompletedSale sale, ReceiptText receiptText, Messages messages, Station station) {
        if (sale == null) {
            return;
        }
        change.setText(messages.get("checkout.receipt.change", sale.change().toYuanString()));
        receipt.setText(receiptText.format(sale, station.storeName()));
    }

    @Override
    public Region root() {
        return root;
    }

    @Override
    public Node focusTarget() {
        return root;
    }
}
