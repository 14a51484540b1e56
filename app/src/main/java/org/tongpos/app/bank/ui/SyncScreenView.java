package org.tongpos.app.bank.ui;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.converter.LocalDateStringConverter;
import org.controlsfx.control.MaskerPane;
import org.tongpos.app.bank.service.BankTexts;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.sync.batch.SealedBatch;
import org.tongpos.sync.batch.SyncStatus;
import org.tongpos.sync.reconcile.DayClose;
import org.tongpos.sync.reconcile.Difference;
import org.tongpos.sync.reconcile.DifferenceCategory;
import org.tongpos.sync.reconcile.ReconciliationReport;

/**
 * The sync and reconciliation screen, built in code. It shows the {@link SyncScreenViewModel}'s state and forwards
 * clicks; the ViewModel decides. Esc (or the close button) returns to the till.
 */
public final class SyncScreenView {

    private final SyncScreenViewModel vm;
    private final Messages messages;
    private final ZoneId zone;
    private final VBox content = new VBox(12);
    private final StackPane root;

    public SyncScreenView(SyncScreenViewModel vm, Messages messages, ZoneId zone, Runnable close) {
        this.vm = vm;
        this.messages = messages;
        this.zone = zone;
        content.getStyleClass().add("sync-screen");
        content.setPadding(new Insets(16));
        Label title = new Label(messages.get("bank.screen.title"));
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Button closeButton = button("sync-close", messages.get("bank.screen.close"), close);
        HBox top = new HBox(16, title, spacer(), closeButton);
        top.setAlignment(Pos.CENTER_LEFT);
        NoticeLabel notice = new NoticeLabel(vm.notice(), messages);
        notice.setId("sync-notice");
        Node table = differencesTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        content.getChildren().addAll(top, notice, statusPane(), dayPane(), table, investigatePane());
        content.disableProperty().bind(vm.busy());
        root = new StackPane(content, masker());
        root.setId("sync-screen");
    }

    /** Covers the screen while bank work runs: a progress indicator and what is being done ("uploading…"). */
    private MaskerPane masker() {
        MaskerPane masker = new MaskerPane();
        masker.setId("sync-masker");
        masker.textProperty().bind(Bindings.createStringBinding(
                () -> vm.busyWith().get() == null ? "" : vm.busyWith().get().text(messages), vm.busyWith()));
        masker.visibleProperty().bind(vm.busy());
        return masker;
    }

    public Region root() {
        return root;
    }

    private Node statusPane() {
        Label journal = new Label();
        journal.setId("sync-pending");
        journal.textProperty().bind(Bindings.createStringBinding(() -> {
            SyncStatus s = vm.status().get();
            return s == null ? "" : messages.get("bank.screen.journal", s.journalLastSeq(), s.bankHeldSeq(),
                    s.pendingEntries());
        }, vm.status()));
        Label contact = new Label();
        contact.setId("sync-contact");
        contact.textProperty().bind(Bindings.createStringBinding(() -> {
            SyncStatus s = vm.status().get();
            if (s == null) {
                return "";
            }
            String last = messages.get("bank.screen.contact", BankTexts.time(messages, s.lastContact(), zone),
                    s.lastOutcome().map(o -> BankTexts.outcome(messages, o)).orElse("—"));
            String error = s.lastError().map(e -> "\n" + messages.get("bank.screen.error", e)).orElse("");
            return last + error + (s.authProblem() ? "\n" + messages.get("bank.authProblem") : "");
        }, vm.status()));
        contact.setWrapText(true);
        ListView<SealedBatch> batches = new ListView<>(vm.quarantined());
        batches.setId("sync-quarantined");
        batches.setPrefHeight(70);
        batches.setPlaceholder(new Label(messages.get("bank.screen.noQuarantine")));
        batches.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SealedBatch batch, boolean empty) {
                super.updateItem(batch, empty);
                setText(empty || batch == null ? null : messages.get("bank.screen.batch", batch.firstSeq(),
                        batch.lastSeq(), batch.reason()));
            }
        });
        Button syncNow = button("sync-now", messages.get("bank.screen.syncNow"), vm::syncNow);
        Button release = button("sync-release", messages.get("bank.screen.release"),
                () -> vm.release(batches.getSelectionModel().getSelectedItem()));
        VBox left = new VBox(6, journal, contact);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(batches, Priority.ALWAYS);
        HBox pane = new HBox(12, left, batches, new VBox(6, syncNow, release));
        pane.setDisable(vm.isOffline());
        return pane;
    }

    private Node dayPane() {
        DatePicker picker = new DatePicker();
        picker.setId("sync-date");
        picker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        picker.valueProperty().bindBidirectional(vm.date());
        picker.valueProperty().addListener((obs, old, now) -> vm.refresh());
        Button closeDay = button("sync-close-day", messages.get("bank.screen.closeDay"), vm::closeDay);
        Button reconcile = button("sync-reconcile", messages.get("bank.screen.reconcile"), vm::reconcile);
        Button export = button("sync-export", messages.get("bank.screen.export"), this::export);
        Label close = new Label();
        close.setId("sync-day-close");
        close.textProperty().bind(Bindings.createStringBinding(() -> closeText(vm.dayClose().get()), vm.dayClose()));
        Label summary = new Label();
        summary.setId("sync-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> summaryText(vm.report().get()), vm.report()));
        close.setWrapText(true);
        close.setMaxWidth(Double.MAX_VALUE);
        summary.setMaxWidth(Double.MAX_VALUE);
        close.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox controls = new HBox(12, new Label(messages.get("bank.screen.date")), picker, closeDay, reconcile, export);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(6, controls, close, summary);
        pane.setDisable(vm.isOffline());
        return pane;
    }

    private Node differencesTable() {
        TableView<Difference> table = new TableView<>(vm.differences());
        table.setId("sync-differences");
        table.setPlaceholder(new Label(messages.get("bank.screen.noDifferences")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", 50, d -> Integer.toString(d.diffNo())));
        table.getColumns().add(column(messages.get("bank.screen.column.category"), 190,
                d -> BankTexts.category(messages, d.category())));
        table.getColumns().add(column(messages.get("bank.screen.column.txn"), 290, Difference::txnId));
        table.getColumns().add(column(messages.get("bank.screen.column.seq"), 70,
                d -> d.seq() == null ? "—" : Long.toString(d.seq())));
        table.getColumns().add(column(messages.get("bank.screen.column.method"), 120, Difference::method));
        table.getColumns().add(column(messages.get("bank.screen.column.local"), 100,
                d -> BankTexts.yuan(d.localAmountFen())));
        table.getColumns().add(column(messages.get("bank.screen.column.bank"), 100,
                d -> BankTexts.yuan(d.bankAmountFen())));
        table.getColumns().add(column(messages.get("bank.screen.column.status"), 120,
                d -> d.bankStatus() == null ? "—" : d.bankStatus()));
        table.getColumns().add(column(messages.get("bank.screen.column.note"), 220,
                d -> d.investigated() ? messages.get("bank.screen.investigatedNote", d.note()) : ""));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selected().set(now));
        vm.selected().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        return table;
    }

    private Node investigatePane() {
        TextField note = new TextField();
        note.setId("sync-note");
        note.setPromptText(messages.get("bank.screen.notePrompt"));
        note.textProperty().bindBidirectional(vm.note());
        HBox.setHgrow(note, Priority.ALWAYS);
        Button mark = button("sync-investigate", messages.get("bank.screen.markInvestigated"), vm::markInvestigated);
        note.setOnAction(e -> vm.markInvestigated());
        HBox pane = new HBox(12, note, mark);
        pane.setAlignment(Pos.CENTER_LEFT);
        pane.setDisable(vm.isOffline());
        return pane;
    }

    private String closeText(DayClose close) {
        if (close == null) {
            return messages.get("bank.screen.notClosed");
        }
        String bankSide = close.bank().map(b -> messages.get("bank.screen.totals", messages.get("bank.side.bank"),
                b.count(), BankTexts.yuan(b.debitTotalFen()), BankTexts.yuan(b.creditTotalFen()))).orElse("");
        return messages.get("bank.screen.closed", close.status().map(Enum::name).orElse(close.outcome().name()),
                messages.get("bank.screen.totals", messages.get("bank.side.terminal"), close.local().count(),
                        BankTexts.yuan(close.local().debitTotalFen()), BankTexts.yuan(close.local().creditTotalFen())),
                bankSide);
    }

    private String summaryText(ReconciliationReport report) {
        if (report == null) {
            return messages.get("bank.screen.notReconciled");
        }
        StringBuilder counts = new StringBuilder();
        for (DifferenceCategory category : DifferenceCategory.values()) {
            if (counts.length() > 0) {
                counts.append("　");
            }
            counts.append(messages.get("cli.sync.reconcile.category", BankTexts.category(messages, category),
                    report.count(category)));
        }
        return messages.get("bank.screen.summary", report.matchedCount(), BankTexts.yuan(report.matchedAmountFen()),
                report.differenceCount(), counts.toString());
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("bank.screen.export"));
        chooser.setInitialFileName("reconciliation-" + vm.date().get() + ".csv");
        File file = root.getScene() == null ? null : chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.exportCsv(file.toPath());
        }
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinHeight(44);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static TableColumn<Difference, String> column(String title, double width,
                                                         Function<Difference, String> value) {
        TableColumn<Difference, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
