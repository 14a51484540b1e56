package org.tongpos.app.checkout.ui;

import java.awt.image.BufferedImage;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.service.SaleReceipts;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Subscriptions;

/**
 * After payment: the change in large type beside the receipt as it will print, and "next sale" (Enter or Esc).
 * Side by side so that a long receipt still fits a 768-pixel-high till screen.
 */
final class ReceiptDialog implements CashierDialog {

    private static final double FONT_SIZE = 15;
    /** Receipts longer than this scroll: the dialog must fit a 768-pixel screen. */
    private static final double MAX_HEIGHT = 600;

    private final HBox root;
    private final Label change = new Label();
    private final Label paid = new Label();
    private final TextArea receipt = new TextArea();
    private final Text measure = new Text();
    private final ImageView printed = new ImageView();
    private final ScrollPane printedPane = new ScrollPane(printed);
    private final CashierViewModel vm;

    ReceiptDialog(CashierViewModel vm, Messages messages, KeyBindings keys, Subscriptions subscriptions,
                  Station station, String monoFamily, String reprintKey) {
        this.vm = vm;
        SaleReceipts receiptText = new SaleReceipts(messages, station.storeName());
        printed.setId("receipt-image");
        printed.setPreserveRatio(true);
        printedPane.setId("receipt-printed");
        printedPane.setFocusTraversable(false);
        printedPane.setMaxHeight(MAX_HEIGHT);
        printedPane.setFitToWidth(true);
        Button reprint = DialogParts.plain(reprintKey == null ? messages.get("checkout.action.reprint")
                : messages.get("checkout.receipt.reprint", reprintKey), vm::reprintLast);
        reprint.setId("receipt-reprint");
        change.setId("receipt-change");
        change.getStyleClass().add("receipt-change");
        paid.getStyleClass().add("receipt-paid");
        paid.setWrapText(true);
        receipt.setId("receipt-text");
        receipt.getStyleClass().add("receipt-text");
        receipt.setEditable(false);
        receipt.setFocusTraversable(false);
        receipt.setStyle("-fx-font-family: '" + monoFamily + "'; -fx-font-size: " + FONT_SIZE + "px;");
        measure.setFont(Font.font(monoFamily, FONT_SIZE));
        receipt.setPrefColumnCount(station.receiptColumns() + 1);
        Button next = DialogParts.keyed(messages, "Enter / " + keys.label(CashierAction.CANCEL),
                messages.get("checkout.receipt.next"), vm::nextSale);
        next.setDefaultButton(true);
        next.getStyleClass().add("primary");
        Region push = new Region();
        VBox.setVgrow(push, Priority.ALWAYS);
        VBox summary = new VBox(16, DialogParts.title(messages.get("checkout.receipt.title")), change, paid, push,
                reprint, next);
        summary.setPrefWidth(340);
        summary.setAlignment(Pos.TOP_LEFT);
        subscriptions.onChange(vm.completedSale(), (obs, old, sale) -> show(sale, receiptText, messages, station));
        root = new HBox(24, summary, receipt, printedPane);
        root.setId("receipt-dialog");
        show(vm.completedSale().get(), receiptText, messages, station);
    }

    private void show(CompletedSale sale, SaleReceipts receiptText, Messages messages, Station station) {
        if (sale == null) {
            return;
        }
        change.setText(messages.get("checkout.receipt.change", sale.change().toYuanString()));
        // what the customer handed over in all: every tender of a split (cash and code, card and cash)
        org.tongpos.app.money.domain.Money handed = org.tongpos.app.money.domain.Money.ZERO;
        for (var tender : sale.tenders()) {
            handed = handed.plus(tender.tendered());
        }
        paid.setText(messages.get("checkout.receipt.paid", sale.total().toYuanString(), handed.toYuanString(),
                sale.receiptNo()));
        String text = receiptText.text(sale, PaperWidth.ofColumns(station.receiptColumns()));
        receipt.setText(text);
        measure.setText(text);
        // a text area spaces its lines a little wider than the bare text measures
        receipt.setPrefHeight(Math.min(MAX_HEIGHT, measure.getLayoutBounds().getHeight() * 1.18 + 24));
        // with a printer configured the preview is the ESC/POS the printer got, drawn dot for dot
        Optional<BufferedImage> image = vm.devices().receiptImage(sale);
        image.ifPresent(bitmap -> {
            printed.setImage(SwingFXUtils.toFXImage(bitmap, null));
            printed.setFitWidth(Math.min(bitmap.getWidth(), 420));
            printedPane.setPrefViewportWidth(Math.min(bitmap.getWidth(), 420));
            printedPane.setPrefViewportHeight(Math.min(MAX_HEIGHT, bitmap.getHeight() * Math.min(1.0,
                    420.0 / bitmap.getWidth())));
        });
        showPrinted(image.isPresent());
    }

    private void showPrinted(boolean printedShown) {
        printedPane.setVisible(printedShown);
        printedPane.setManaged(printedShown);
        receipt.setVisible(!printedShown);
        receipt.setManaged(!printedShown);
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
