package org.tongpos.app.kitchen.ui;

import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.kitchen.domain.Quantities;
import org.tongpos.app.kitchen.domain.StockLevel;
import org.tongpos.app.reports.service.ReportTables;
import org.tongpos.app.ui.ModalLayer;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.TillButtons;

/**
 * The stock screen, built in code: the filter (Ctrl+F) and "low only" on top, stock on hand in a table that sorts by
 * any column (low items in red), the keys as touch buttons below; the forms (F2 receive, F3 count, F4 waste, F6 low
 * level) open over it and take Enter to record and Esc to go back. Only binds and forwards to {@link StockViewModel}.
 */
public final class StockView {

    private static final String LOW_ROW = "-fx-text-background-color: #c62828;";

    private final StockViewModel vm;
    private final Messages messages;
    private final ModalLayer root;
    private final TableView<StockLevel> table = new TableView<>();
    private final TextField filter = new TextField();
    private final Label summary = new Label();
    /** The open form's listeners and bindings on the ViewModel, taken off when it closes. */
    private final Subscriptions formSubscriptions = new Subscriptions();

    public StockView(StockViewModel vm, Messages messages, Runnable close) {
        this.vm = vm;
        this.messages = messages;
        Label title = TillButtons.title(messages.get("stock.screen.title"));
        filter.setId("stock-filter");
        filter.setPromptText(messages.get("stock.screen.filterPrompt"));
        filter.setPrefColumnCount(18);
        filter.textProperty().bindBidirectional(vm.filter());
        CheckBox lowOnly = new CheckBox(messages.get("checkout.action.keyed", "F8", messages.get("stock.screen.lowOnly")));
        lowOnly.setId("stock-low-only");
        lowOnly.setFocusTraversable(false);
        lowOnly.selectedProperty().bindBidirectional(vm.lowOnly());
        HBox top = new HBox(12, title, spacer(), new Label(messages.get("stock.screen.filter")), filter, lowOnly);
        top.setAlignment(Pos.CENTER_LEFT);

        NoticeLabel notice = new NoticeLabel(vm.notice(), messages);
        notice.setId("stock-notice");
        summary.setId("stock-summary");
        vm.shown().addListener((ListChangeListener<StockLevel>) c -> showSummary());
        showSummary();

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox keys = TillButtons.row(
                TillButtons.keyed(messages, "F2", messages.get("stock.screen.receive"), vm::startReceive),
                TillButtons.keyed(messages, "F3", messages.get("stock.screen.count"), vm::startCount),
                TillButtons.keyed(messages, "F4", messages.get("stock.screen.waste"), vm::startWaste),
                TillButtons.keyed(messages, "F6", messages.get("stock.screen.setLow"), vm::startLow),
                TillButtons.keyed(messages, "F9", messages.get("stock.screen.export"), vm::exportCsv),
                TillButtons.keyed(messages, "Esc", messages.get("stock.screen.close"), close));
        VBox content = new VBox(8, top, notice, table, summary, keys);
        content.setPadding(new Insets(12));
        root = new ModalLayer(content);
        root.setId("stock-screen");
        vm.form().kind().addListener((o, was, now) -> showForm(now));
    }

    public Region root() {
        return root;
    }

    /** Gives the table the focus (when the screen opens and after a form closes). */
    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    /**
     * The screen's keys, passed on by the window while it shows: with a form open only Esc (back to the table; the
     * other keys are the form's fields'); else F2, F3, F4, F6 open a form, F8 "low only", F9 export, F5 read again,
     * Ctrl+F the filter. True when the key was used; Esc with no form open is the window's (it closes the screen).
     */
    public boolean handleKey(KeyEvent e) {
        if (e.getEventType() != KeyEvent.KEY_PRESSED) {
            return false;
        }
        if (vm.form().kind().get() != StockForm.Kind.NONE) {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancelForm();
                return true;
            }
            return e.getCode().isFunctionKey();
        }
        if ((e.isControlDown() || e.isShortcutDown()) && e.getCode() == KeyCode.F) {
            filter.requestFocus();
            filter.selectAll();
            return true;
        }
        if (e.isControlDown() || e.isAltDown() || e.isShiftDown()) {
            return false;
        }
        switch (e.getCode()) {
            case F2 -> vm.startReceive();
            case F3 -> vm.startCount();
            case F4 -> vm.startWaste();
            case F5 -> vm.refresh();
            case F6 -> vm.startLow();
            case F8 -> vm.toggleLowOnly();
            case F9 -> vm.exportCsv();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void showSummary() {
        summary.setText(messages.get("stock.screen.summary", vm.shown().size(),
                ReportTables.yuan(vm.shownValueFen()), vm.shown().stream().filter(StockLevel::low).count()));
    }

    private void buildTable() {
        table.setId("stock-table");
        table.setItems(vm.shown());
        vm.shown().comparatorProperty().bind(table.comparatorProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("stock.screen.empty")));
        table.getColumns().add(text("stock.col.code", 150, StockLevel::code));
        table.getColumns().add(text("stock.col.name", 220, StockLevel::name));
        table.getColumns().add(text("stock.col.unit", 70, StockLevel::unit));
        table.getColumns().add(number("stock.col.onHand", 110, StockLevel::onHandMilli, Quantities::format));
        table.getColumns().add(number("stock.col.value", 140, StockLevel::valueFen, ReportTables::yuan));
        table.getColumns().add(number("stock.col.lowLevel", 110, StockLevel::lowMilli,
                milli -> milli == 0 ? "" : Quantities.format(milli)));
        table.getColumns().add(text("stock.col.supplier", 180, StockLevel::supplier));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StockLevel level, boolean empty) {
                super.updateItem(level, empty);
                setStyle(!empty && level != null && level.low() ? LOW_ROW : "");
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selected().set(now));
        // the rows are read again after each movement: the item worked on stays selected
        vm.selected().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
    }

    private TableColumn<StockLevel, String> text(String key, double width, Function<StockLevel, String> value) {
        TableColumn<StockLevel, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A column that sorts by the number and shows it formatted, right-aligned. */
    private TableColumn<StockLevel, Long> number(String key, double width, ToLongFunction<StockLevel> value,
                                                 Function<Long, String> format) {
        TableColumn<StockLevel, Long> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null ? null : format.apply(number));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(width);
        return column;
    }

    private void showForm(StockForm.Kind kind) {
        formSubscriptions.cancelAll();
        if (kind == StockForm.Kind.NONE) {
            root.hide();
            focusTable();
            return;
        }
        StockFormView form = new StockFormView(vm, messages, kind, formSubscriptions);
        root.show(form.root());
        form.focus();
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** The open form's fields over the table: a grid of labels and fields, the form's notice, Enter and Esc. */
    private static final class StockFormView {

        private final StockForm form;
        private final Messages messages;
        private final Subscriptions subscriptions;
        private final GridPane grid = new GridPane();
        private final VBox root;
        private TextField item;
        private TextField quantity;

        StockFormView(StockViewModel vm, Messages messages, StockForm.Kind kind, Subscriptions subscriptions) {
            this.form = vm.form();
            this.messages = messages;
            this.subscriptions = subscriptions;
            grid.setHgap(12);
            grid.setVgap(10);
            item = field("stock-item", form.item());
            Label itemName = new Label();
            itemName.setId("stock-item-name");
            subscriptions.onChange(form.level(), (o, was, now) -> itemName.setText(describe(now)));
            itemName.setText(describe(form.level().get()));
            row("stock.field.item", item, itemName);
            switch (kind) {
                case RECEIVE -> {
                    quantity = field("stock-quantity", form.quantity());
                    row("stock.field.quantity", quantity, unitLabel());
                    row("stock.field.unitPrice", field("stock-unit-price", form.unitPrice()), null);
                    ComboBox<String> supplier = new ComboBox<>(vm.suppliers());
                    supplier.setId("stock-supplier");
                    supplier.setEditable(true);
                    supplier.getStyleClass().add("entry-field");
                    supplier.setMaxWidth(Double.MAX_VALUE);
                    supplier.getEditor().textProperty().bindBidirectional(form.supplier());
                    subscriptions.add(() -> supplier.getEditor().textProperty().unbindBidirectional(form.supplier()));
                    row("stock.field.supplier", supplier, new Label(messages.get("stock.screen.newSupplierHint")));
                    row("stock.field.date", field("stock-date", form.date()), null);
                }
                case COUNT -> {
                    quantity = field("stock-quantity", form.quantity());
                    Label variance = new Label();
                    variance.setId("stock-variance");
                    Runnable showVariance = () -> variance.setText(variance(form.level().get(),
                            form.varianceMilli().get()));
                    subscriptions.onChange(form.varianceMilli(), (o, was, now) -> showVariance.run());
                    subscriptions.onChange(form.level(), (o, was, now) -> showVariance.run());
                    showVariance.run();
                    row("stock.field.counted", quantity, variance);
                    row("stock.field.reason", field("stock-reason", form.reason()), null);
                    row("stock.field.date", field("stock-date", form.date()), null);
                }
                case WASTE -> {
                    quantity = field("stock-quantity", form.quantity());
                    row("stock.field.quantity", quantity, unitLabel());
                    row("stock.field.reason", field("stock-reason", form.reason()), null);
                    row("stock.field.date", field("stock-date", form.date()), null);
                }
                case LOW -> {
                    quantity = field("stock-quantity", form.quantity());
                    row("stock.field.low", quantity, unitLabel());
                }
                case NONE -> throw new IllegalArgumentException("no form");
            }
            NoticeLabel notice = new NoticeLabel(vm.notice(), messages, subscriptions).collapsing();
            notice.setId("stock-form-notice");
            Button ok = TillButtons.keyed(messages, "Enter", messages.get("stock.screen.ok"), vm::confirm);
            ok.getStyleClass().add("primary");
            root = new VBox(12, TillButtons.title(messages.get(titleKey(kind))), grid, notice,
                    TillButtons.row(ok, TillButtons.keyed(messages, "Esc", messages.get("stock.screen.cancel"),
                            vm::cancelForm)));
            root.setId("stock-form");
            root.setMinWidth(640);
            root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER && !e.isControlDown() && !e.isAltDown()) {
                    e.consume();
                    vm.confirm();
                }
            });
        }

        Region root() {
            return root;
        }

        void focus() {
            (form.item().get().isBlank() ? item : quantity).requestFocus();
        }

        private static String titleKey(StockForm.Kind kind) {
            return switch (kind) {
                case RECEIVE -> "stock.screen.receiveTitle";
                case COUNT -> "stock.screen.countTitle";
                case WASTE -> "stock.screen.wasteTitle";
                default -> "stock.screen.lowTitle";
            };
        }

        private String describe(StockLevel level) {
            return level == null ? "" : messages.get("stock.screen.itemOnHand", level.name(),
                    Quantities.format(level.onHandMilli()), level.unit());
        }

        private String variance(StockLevel level, Long milli) {
            return level == null || milli == null ? "" : messages.get("stock.screen.variance",
                    (milli > 0 ? "+" : "") + Quantities.format(milli), level.unit());
        }

        private Label unitLabel() {
            Label unit = new Label();
            unit.setId("stock-unit");
            subscriptions.onChange(form.level(), (o, was, now) -> unit.setText(now == null ? "" : now.unit()));
            unit.setText(form.level().get() == null ? "" : form.level().get().unit());
            return unit;
        }

        private TextField field(String id, StringProperty value) {
            TextField field = new TextField();
            field.setId(id);
            field.getStyleClass().add("entry-field");
            field.setPrefColumnCount(14);
            field.textProperty().bindBidirectional(value);
            subscriptions.add(() -> field.textProperty().unbindBidirectional(value));
            return field;
        }

        /** A row of the form: its label, its field, and what the field says beside it; labels are never cut. */
        private void row(String labelKey, Node field, Label after) {
            int row = grid.getRowCount();
            Label label = new Label(messages.get(labelKey));
            label.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(label, 0, row);
            grid.add(field, 1, row);
            if (after != null) {
                after.setMinWidth(Region.USE_PREF_SIZE);
                grid.add(after, 2, row);
            }
        }
    }
}
