package org.tongpos.app.checkout.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;

/**
 * Why a line is removed: the reason typed, or the number of a listed one (1 扫错商品 …) and Enter; Esc keeps the
 * line. The same reason part serves the clear-sale dialog ({@link #reasonPart}).
 */
final class VoidReasonDialog implements CashierDialog {

    /** The listed reasons, by number (1…). */
    static final List<String> REASON_KEYS = List.of("checkout.void.reason.mistake", "checkout.void.reason.changedMind",
            "checkout.void.reason.price", "checkout.void.reason.twice");

    private final VBox root;
    private final Label title = DialogParts.title("");
    private final TextField field;

    VoidReasonDialog(CashierViewModel vm, Messages messages, KeyBindings keys, Subscriptions subscriptions) {
        field = reasonField(vm, messages, subscriptions, vm::confirmVoidReason);
        subscriptions.onChange(vm.mode(), (obs, old, mode) -> {
            if (mode == CashierMode.VOID_REASON && vm.voidingLine() != null) {
                title.setText(messages.get("checkout.void.title", vm.voidingLine().product().name(),
                        vm.voidingLine().amount().toYuanString()));
            }
        });
        Button confirm = DialogParts.keyed(messages, "Enter", messages.get("checkout.void.confirm"), () -> {
            resolve(vm, messages);
            vm.confirmVoidReason();
        });
        confirm.getStyleClass().add("danger");
        root = new VBox(12, title, reasonPart(vm, messages, subscriptions, field, vm::confirmVoidReason),
                DialogParts.buttonRow(confirm,
                        DialogParts.keyed(messages, keys.label(CashierAction.CANCEL), messages.get("checkout.void.keep"),
                                () -> vm.perform(CashierAction.CANCEL))));
        root.setPrefWidth(560);
        root.setId("void-reason-dialog");
    }

    /** The reason field: Enter turns a listed reason's number into its text, then runs {@code confirm}. */
    static TextField reasonField(CashierViewModel vm, Messages messages, Subscriptions subscriptions,
                                 Runnable confirm) {
        TextField field = new TextField();
        field.setId("void-reason");
        field.getStyleClass().add("entry-field");
        field.setPromptText(messages.get("checkout.void.prompt"));
        field.textProperty().bindBidirectional(vm.voidReason());
        subscriptions.add(() -> field.textProperty().unbindBidirectional(vm.voidReason()));
        field.setOnAction(e -> {
            resolve(vm, messages);
            confirm.run();
        });
        return field;
    }

    /**
     * The listed reasons as buttons (a tap on a touch screen gives that reason and confirms; on the keyboard its
     * number and Enter), the field and what the dialog says.
     */
    static VBox reasonPart(CashierViewModel vm, Messages messages, Subscriptions subscriptions, TextField field,
                           Runnable confirm) {
        javafx.scene.layout.FlowPane reasons = new javafx.scene.layout.FlowPane(8, 8);
        reasons.setId("void-reasons");
        for (int i = 0; i < REASON_KEYS.size(); i++) {
            String text = messages.get(REASON_KEYS.get(i));
            Button reason = DialogParts.plain((i + 1) + "  " + text, () -> {
                vm.voidReason().set(text);
                confirm.run();
            });
            reason.setId("void-reason-" + (i + 1));
            reasons.getChildren().add(reason);
        }
        NoticeLabel error = new NoticeLabel(vm.voidNotice(), messages, subscriptions).collapsing();
        error.setId("void-notice");
        return new VBox(8, new Label(messages.get("checkout.void.ask")), reasons, field, error);
    }

    /** A listed reason's number becomes its text (in the screen's language, as the audit log will read it). */
    private static void resolve(CashierViewModel vm, Messages messages) {
        String typed = vm.voidReason().get().strip();
        if (typed.matches("[1-9]") && Integer.parseInt(typed) <= REASON_KEYS.size()) {
            vm.voidReason().set(messages.get(REASON_KEYS.get(Integer.parseInt(typed) - 1)));
        }
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
