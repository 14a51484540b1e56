package org.tongpos.app.canteen.ui;

import javafx.application.Platform;
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
 * A diner picked by hand on the serving line (the search key, F2): type a diner id, staff number, name or pinyin
 * initials and Enter; Up/Down pick among the diners found; type the reason and Enter serves the diner (a supervisor
 * approves in place when the operator may not identify by hand). Esc goes back. Every pick is recorded with its reason
 * and counted for supervisors.
 */
final class ManualDialog {

    private final VBox root;
    private final TextField search = new TextField();
    private final TextField reason = new TextField();
    private final ListView<DinerAccount> list;
    private final Subscriptions subscriptions = new Subscriptions();

    ManualDialog(ServingLineViewModel vm, Messages messages, Runnable close) {
        Label title = new Label(messages.get("serving.manual.title"));
        title.getStyleClass().add("dialog-title");
        search.setId("serving-manual-search");
        search.getStyleClass().add("entry-field");
        search.setPromptText(messages.get("serving.manual.searchPrompt"));
        list = new ListView<>(vm.matches());
        list.setId("serving-manual-matches");
        list.setFocusTraversable(false);
        list.setPrefHeight(240);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(DinerAccount d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : messages.get("serving.manual.match", d.dinerId(), d.name(),
                        d.department(), d.balance().toYuanString(), d.subsidy().toYuanString()));
            }
        });
        javafx.collections.ListChangeListener<DinerAccount> found = change -> {
            if (!vm.matches().isEmpty()) {
                list.getSelectionModel().select(0);
                Platform.runLater(reason::requestFocus);
            }
        };
        vm.matches().addListener(found);
        subscriptions.add(() -> vm.matches().removeListener(found));
        search.setOnAction(e -> vm.search(search.getText()));
        reason.setId("serving-manual-reason");
        reason.getStyleClass().add("entry-field");
        reason.setPromptText(messages.get("serving.manual.reasonPrompt"));
        reason.setOnAction(e -> {
            DinerAccount picked = list.getSelectionModel().getSelectedItem();
            if (picked == null) {
                search.requestFocus();
                return;
            }
            if (vm.identifyByHand(picked, reason.getText())) {
                close.run();
            }
        });
        NoticeLabel notice = new NoticeLabel(vm.notice(), messages, subscriptions).collapsing();
        notice.setId("serving-manual-notice");
        Label hint = new Label(messages.get("serving.manual.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root = new VBox(10, title, search, list, reason, notice, hint);
        root.setPrefWidth(640);
        root.setId("serving-manual-dialog");
    }

    Region root() {
        return root;
    }

    Node focusTarget() {
        return search;
    }

    ListView<DinerAccount> list() {
        return list;
    }

    /** Takes the dialog's listeners off the ViewModel. */
    void dispose() {
        subscriptions.cancelAll();
    }
}
