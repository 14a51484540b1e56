package org.tongpos.app.checkout.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.NoticeLabel;

/**
 * The payment step: amount due, amount tendered with quick-cash notes, change live; Enter takes cash. Scanning (or
 * typing) the customer's payment code charges the total through the bank, with the seconds left while the customer
 * confirms; Esc then cancels and reverses it.
 */
final class PaymentDialog implements CashierDialog {

    private static final int[] NOTES = {50, 100};

    private final VBox root;
    private final TextField tendered = new TextField();
    private final TextField cardAmount = new TextField();
    private final TextField cardReference = new TextField();

    PaymentDialog(PaymentViewModel vm, Messages messages, KeyBindings keys, Runnable cancel) {
        bindTendered(vm);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        grid.addRow(0, caption(messages.get("checkout.payment.due")), dueLabel(vm, messages));
        int row = 1;
        if (!vm.rounding().isZero()) {
            Label rounding = new Label(messages.get("checkout.payment.rounding", signed(vm.rounding()),
                    vm.cashDue().toYuanString()));
            rounding.setId("payment-rounding");
            grid.addRow(row++, caption(messages.get("checkout.rounding")), rounding);
        }
        grid.addRow(row++, caption(messages.get("checkout.payment.tendered")), tendered);
        grid.add(quickCash(vm, messages), 1, row++);
        grid.addRow(row, caption(messages.get("checkout.payment.change")), changeLabel(vm, messages));

        NoticeLabel notice = new NoticeLabel(vm.notice(), messages).collapsing();
        notice.setId("payment-notice");
        root = new VBox(14, DialogParts.title(messages.get("checkout.payment.title")), grid, cardPart(vm, messages),
                cardBox(vm, messages), notice, savingIndicator(vm, messages), waitingIndicator(vm, messages, keys),
                codeHint(messages), buttons(vm, messages, keys, cancel));
        root.setAlignment(Pos.TOP_LEFT);
        root.setPrefWidth(600);
        root.setId("payment-dialog");
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F3 && !e.isShortcutDown() && vm.card()) {
                e.consume();
            }
        });
        vm.cardStep().addListener((obs, old, open) -> javafx.application.Platform.runLater(() -> {
            if (open) {
                cardReference.requestFocus();
                cardReference.selectAll();
            } else {
                backToTendered();
            }
        }));
    }

    private void bindTendered(PaymentViewModel vm) {
        tendered.setId("tendered-field");
        tendered.getStyleClass().add("tendered-field");
        tendered.textProperty().bindBidirectional(vm.tendered());
        tendered.setOnAction(e -> vm.confirm());
        tendered.disableProperty().bind(vm.working().or(vm.cardStep()));
    }

    /**
     * The bank-card step (F3, or a card read by the till's reader): the amount charged on the bank's card terminal
     * (prefilled with all of it) and its reference number; the masked card number when the reader read the card.
     */
    private Node cardBox(PaymentViewModel vm, Messages messages) {
        cardAmount.setId("card-amount-field");
        cardAmount.textProperty().bindBidirectional(vm.cardAmount());
        cardReference.setId("card-reference-field");
        cardReference.setPromptText(messages.get("payment.card.reference.prompt"));
        cardReference.textProperty().bindBidirectional(vm.cardReference());
        cardAmount.setOnAction(e -> cardReference.requestFocus());
        cardReference.setOnAction(e -> vm.confirm());
        cardAmount.disableProperty().bind(vm.working());
        cardReference.disableProperty().bind(vm.working());
        cardAmount.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN) {
                cardReference.requestFocus();
                e.consume();
            }
        });
        cardReference.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.UP) {
                cardAmount.requestFocus();
                cardAmount.selectAll();
                e.consume();
            }
        });
        Label number = new Label();
        number.setId("payment-card-number");
        number.textProperty().bind(Bindings.createStringBinding(() -> vm.cardNumber().get().isEmpty()
                ? messages.get("payment.card.notRead") : vm.cardNumber().get(), vm.cardNumber()));
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        grid.addRow(0, caption(messages.get("payment.card.amount")), cardAmount);
        grid.addRow(1, caption(messages.get("payment.card.reference")), cardReference);
        grid.addRow(2, caption(messages.get("payment.card.number")), number);
        Label hint = new Label(messages.get("payment.card.hint"));
        hint.getStyleClass().add("payment-caption");
        hint.setWrapText(true);
        VBox box = new VBox(8, DialogParts.title(messages.get("payment.card.title")), grid, hint);
        box.setId("payment-card");
        box.visibleProperty().bind(vm.cardStep());
        box.managedProperty().bind(vm.cardStep());
        return box;
    }

    /** The card's part of a split payment, once recorded: "银行卡 ￥50.00（参考号 …）". */
    private static Label cardPart(PaymentViewModel vm, Messages messages) {
        Label part = new Label();
        part.setId("payment-card-part");
        part.textProperty().bind(Bindings.createStringBinding(() -> vm.cardPart().get()
                .map(o -> messages.get("payment.card.partLine", o.offered().toYuanString(), o.reference(),
                        vm.due().get().toYuanString())).orElse(""), vm.cardPart(), vm.due()));
        var shown = Bindings.createBooleanBinding(() -> vm.cardPart().get().isPresent(), vm.cardPart());
        part.visibleProperty().bind(shown);
        part.managedProperty().bind(shown);
        return part;
    }

    private static Label dueLabel(PaymentViewModel vm, Messages messages) {
        Label due = new Label(messages.get("checkout.money", vm.total().toYuanString()));
        due.setId("payment-due");
        due.getStyleClass().add("payment-due");
        return due;
    }

    /** A button per common note, and one for the exact amount; each leaves the caret at the end of the field. */
    private HBox quickCash(PaymentViewModel vm, Messages messages) {
        HBox notes = new HBox(12);
        for (int note : NOTES) {
            notes.getChildren().add(DialogParts.plain(messages.get("checkout.money", note), () -> {
                vm.offerNote(note);
                backToTendered();
            }));
        }
        notes.getChildren().add(DialogParts.plain(messages.get("checkout.payment.exact"), () -> {
            vm.tendered().set(vm.cashDue().toYuanString());
            backToTendered();
        }));
        return notes;
    }

    private void backToTendered() {
        tendered.requestFocus();
        tendered.end();
    }

    /** The change as it is typed, or how much is still missing. */
    private static Label changeLabel(PaymentViewModel vm, Messages messages) {
        Label change = new Label();
        change.setId("payment-change");
        change.getStyleClass().add("payment-change");
        change.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.change().get().isPresent()) {
                return messages.get("checkout.money", vm.change().get().get().toYuanString());
            }
            return vm.shortBy().get().map(s -> messages.get("checkout.payment.short", s.toYuanString())).orElse("—");
        }, vm.change(), vm.shortBy()));
        return change;
    }

    /** "Saving…" with a spinner while the sale is being made durable (not while the customer confirms a code). */
    private static Label savingIndicator(PaymentViewModel vm, Messages messages) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        Label saving = new Label(messages.get("checkout.payment.saving"), spinner);
        var shown = vm.working().and(vm.secondsLeft().lessThan(0));
        saving.visibleProperty().bind(shown);
        saving.managedProperty().bind(shown);
        return saving;
    }

    /** "Waiting for the customer to confirm — 42 s left (Esc cancels)" while the bank says USERPAYING. */
    private static Label waitingIndicator(PaymentViewModel vm, Messages messages, KeyBindings keys) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        Label waiting = new Label("", spinner);
        waiting.setId("payment-waiting");
        waiting.textProperty().bind(Bindings.createStringBinding(() -> messages.get("payment.code.waiting",
                vm.secondsLeft().get(), keys.label(CashierAction.CANCEL)), vm.secondsLeft()));
        var shown = vm.secondsLeft().greaterThanOrEqualTo(0);
        waiting.visibleProperty().bind(shown);
        waiting.managedProperty().bind(shown);
        return waiting;
    }

    /** How to pay by code: scan the customer's code here. */
    private static Node codeHint(Messages messages) {
        Label hint = new Label(messages.get("payment.code.hint"));
        hint.getStyleClass().add("payment-caption");
        hint.setWrapText(true);
        Label split = new Label(messages.get("payment.code.splitHint"));
        split.setId("payment-split-hint");
        split.getStyleClass().add("hint");
        split.setWrapText(true);
        return new javafx.scene.layout.VBox(2, hint, split);
    }

    private static Node buttons(PaymentViewModel vm, Messages messages, KeyBindings keys, Runnable cancel) {
        Button confirm = DialogParts.keyed(messages, "Enter", messages.get("checkout.payment.confirm"), vm::confirm);
        confirm.getStyleClass().add("primary");
        confirm.disableProperty().bind(vm.working());
        Button card = DialogParts.keyed(messages, "F3", messages.get("payment.card.action"), vm::card);
        card.setId("payment-card-button");
        card.disableProperty().bind(vm.working().or(vm.cardStep()));
        Button back = DialogParts.keyed(messages, keys.label(CashierAction.CANCEL), messages.get("common.cancel"),
                cancel);
        back.disableProperty().bind(vm.working());
        return DialogParts.buttonRow(confirm, card, back);
    }

    /** A rounding as the receipt shows it: -0.05 taken off, +0.05 added. */
    private static String signed(org.tongpos.app.money.domain.Money rounding) {
        return rounding.isNegative() ? "+" + rounding.negate().toYuanString() : "-" + rounding.toYuanString();
    }

    private static Label caption(String text) {
        Label caption = new Label(text);
        caption.getStyleClass().add("payment-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        return caption;
    }

    @Override
    public Region root() {
        return root;
    }

    @Override
    public Node focusTarget() {
        return tendered;
    }

    /** Selects the prefilled amount, so typing replaces it. */
    @Override
    public void shown() {
        tendered.selectAll();
    }
}
