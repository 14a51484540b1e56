package org.tongpos.app.canteen.ui;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;

/**
 * A meal refund on the serving line (the return key, F1): the meals served on this line, newest first (Up/Down pick
 * one), the reason, Enter. A MEAL_REFUND returns the same parts to subsidy, balance or cash; an operator who may not
 * refund is asked for a supervisor's approval in place. Esc goes back.
 */
final class RefundDialog {

    private final VBox root;
    private final TextField reason = new TextField();
    private final ListView<ServingResult> list;
    private final Subscriptions subscriptions = new Subscriptions();

    RefundDialog(ServingLineViewModel vm, Messages messages, Runnable close) {
        Label title = new Label(messages.get("serving.refund.title"));
        title.getStyleClass().add("dialog-title");
        list = new ListView<>(FXCollections.observableArrayList(vm.refundable()));
        list.setId("serving-refund-meals");
        list.setFocusTraversable(false);
        list.setPrefHeight(240);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ServingResult r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : messages.get("serving.refund.meal", String.valueOf(r.seq()),
                        r.at().toString(), r.diner().map(DinerAccount::name).orElse(""),
                        r.served().orElseThrow().price().toYuanString()));
            }
        });
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
        reason.setId("serving-refund-reason");
        reason.getStyleClass().add("entry-field");
        reason.setPromptText(messages.get("serving.refund.reasonPrompt"));
        reason.setOnAction(e -> {
            ServingResult picked = list.getSelectionModel().getSelectedItem();
            if (picked != null && vm.refund(picked, reason.getText())) {
                close.run();
            }
        });
        NoticeLabel notice = new NoticeLabel(vm.notice(), messages, subscriptions).collapsing();
        notice.setId("serving-refund-notice");
        Label hint = new Label(messages.get(list.getItems().isEmpty() ? "serving.refund.none" : "serving.refund.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root = new VBox(10, title, list, reason, notice, hint);
        root.setPrefWidth(640);
        root.setId("serving-refund-dialog");
    }

    Region root() {
        return root;
    }

    Node focusTarget() {
        return reason;
    }

    ListView<ServingResult> list() {
        return list;
    }

    /** Takes the dialog's listeners off the ViewModel. */
    void dispose() {
        subscriptions.cancelAll();
    }
}
