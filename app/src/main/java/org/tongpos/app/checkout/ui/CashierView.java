package org.tongpos.app.checkout.ui;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.ui.ApprovalDialog;
import org.tongpos.app.ui.ModalLayer;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;

/**
 * The cashier screen, built in code: code field and cart on the left, the total in large type and the action
 * buttons on the right, the status bar below, dialogs drawn over it. It shows the {@link CashierViewModel}'s state
 * and forwards keys and clicks; every decision is the ViewModel's. One view is built per language and key set:
 * changing either builds a new view on the same ViewModel, so the sale in progress is kept.
 */
public final class CashierView {

    /**
     * Optional parts the window supplies: the demo-store hint, the settings dialog, more status-bar items, and the key
     * that reprints the last receipt (null when no feature offers reprinting by key).
     */
    public record Extras(String firstRunHint, Supplier<Region> settingsDialog, List<Node> statusItems,
                         String reprintKey, List<Node> actionButtons) {
        public Extras {
            statusItems = List.copyOf(statusItems);
            actionButtons = List.copyOf(actionButtons);
        }

        public Extras(String firstRunHint, Supplier<Region> settingsDialog, List<Node> statusItems,
                      String reprintKey) {
            this(firstRunHint, settingsDialog, statusItems, reprintKey, List.of());
        }

        public Extras(String firstRunHint, Supplier<Region> settingsDialog) {
            this(firstRunHint, settingsDialog, List.of(), null);
        }
    }

    private static final CashierAction[] BUTTONS = {CashierAction.SEARCH, CashierAction.QUANTITY,
            CashierAction.REMOVE, CashierAction.CLEAR, CashierAction.SETTINGS, CashierAction.MEMBER,
            CashierAction.CASH};

    private final CashierViewModel vm;
    private final Messages messages;
    private final KeyBindings keys;
    private final Station station;
    private final Extras extras;
    private final TextField codeField = new TextField();
    private final TableView<CartLine> table = new TableView<>();
    private final ModalLayer layer;
    /** The till's notice over the settings dialog, which has its own: a scan refused there must be seen. */
    private final NoticeLabel settingsBanner;
    private final SearchDialog search;
    private final EntryDialog entry;
    private final ClearDialog clear;
    private final VoidReasonDialog voidReason;
    private final ReceiptDialog receipt;
    private final ApprovalDialog approval;
    private final Timeline clockTicker;
    private final Subscriptions subscriptions = new Subscriptions();

    public CashierView(CashierViewModel vm, Messages messages, KeyBindings keys, Station station,
                       StatusBarViewModel status, int catalogSize, Extras extras, String monoFamily) {
        this.vm = vm;
        this.messages = messages;
        this.keys = keys;
        this.station = station;
        this.extras = extras;
        settingsBanner = new NoticeLabel(vm.notice(), messages, subscriptions);
        settingsBanner.setId("settings-banner");
        BorderPane screen = new BorderPane();
        screen.getStyleClass().add("cashier-screen");
        screen.setTop(topBar());
        screen.setCenter(cartPane());
        screen.setRight(totalPane());
        screen.setBottom(statusBar(status, catalogSize));
        layer = new ModalLayer(screen);
        layer.getStyleClass().add("cashier-root");
        search = new SearchDialog(vm, messages, keys, subscriptions);
        entry = new EntryDialog(vm, messages, keys, subscriptions);
        clear = new ClearDialog(vm, messages, keys, subscriptions);
        voidReason = new VoidReasonDialog(vm, messages, keys, subscriptions);
        receipt = new ReceiptDialog(vm, messages, keys, subscriptions, station, monoFamily, extras.reprintKey());
        approval = new ApprovalDialog(vm.approvals(), messages, keys.label(CashierAction.CANCEL), subscriptions);
        subscriptions.onChange(vm.mode(), (obs, old, mode) -> showMode(mode));
        clockTicker = new Timeline(new KeyFrame(Duration.seconds(1), e -> status.refresh()));
        clockTicker.setCycleCount(Timeline.INDEFINITE);
        clockTicker.play();
        showMode(vm.mode().get());
    }

    /** The scene root. */
    public Region root() {
        return layer;
    }

    /** The field that scanning and typing come back to after every action. */
    public TextField codeField() {
        return codeField;
    }

    /** Where typed text goes when the focus is on no text field: the code field while scanning, else nowhere. */
    public Node typingFallback() {
        return vm.mode().get() == CashierMode.SCANNING ? codeField : null;
    }

    /** Runs the action bound to a key press, if it means something now. */
    public boolean handleHotkey(KeyEvent event) {
        return keys.actionFor(event).map(this::run).orElse(false);
    }

    /** Stops what the view runs on its own (the clock); called when it is replaced. */
    public void dispose() {
        clockTicker.stop();
        subscriptions.cancelAll();
        table.setItems(null);
    }

    private boolean run(CashierAction action) {
        boolean used = vm.perform(action);
        if (used && vm.mode().get() == CashierMode.SCANNING) {
            focusScanning();
        }
        return used;
    }

    private Node topBar() {
        Label store = new Label(station.storeName());
        store.getStyleClass().add("store-name");
        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add("app-title");
        HBox bar = new HBox(16, store, DialogParts.spacer(), title);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private Node cartPane() {
        codeField.setId("code-field");
        codeField.getStyleClass().add("code-field");
        codeField.setPromptText(messages.get("checkout.code.prompt"));
        codeField.textProperty().bindBidirectional(vm.code());
        subscriptions.add(() -> codeField.textProperty().unbindBidirectional(vm.code()));
        codeField.setOnAction(e -> {
            vm.enterCode();
            if (!vm.code().get().isEmpty()) {
                codeField.selectAll();
            }
        });

        NoticeLabel notice = new NoticeLabel(vm.notice(), messages, subscriptions);
        notice.setId("notice");

        table.setId("cart-table");
        table.getStyleClass().add("cart-table");
        table.setItems(vm.lines());
        table.setFocusTraversable(false);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        CartLineText text = new CartLineText(messages);
        table.getColumns().add(numberColumn());
        TableColumn<CartLine, String> name = column(messages.get("checkout.column.name"), 360, "name",
                line -> line.product().name());
        table.getColumns().add(name);
        CartPromotionsView.showLineDiscounts(table, name, vm.promotions(), subscriptions);
        table.getColumns().add(column(messages.get("checkout.column.quantity"), 130, "quantity", text::quantity));
        table.getColumns().add(column(messages.get("checkout.column.unitPrice"), 130, "money", text::unitPrice));
        table.getColumns().add(column(messages.get("checkout.column.amount"), 130, "money", text::amount));
        table.setPlaceholder(placeholder());
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                vm.selected().set(index.intValue());
            }
        });
        subscriptions.onChange(vm.selected(), (obs, old, index) -> selectRow(index.intValue()));
        // replacing the table's items drops its selection even when the selected line stays the same
        ListChangeListener<CartLine> reselect = change -> selectRow(vm.selected().get());
        vm.lines().addListener(reselect);
        subscriptions.add(() -> vm.lines().removeListener(reselect));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label keysHint = new Label(messages.get("checkout.hint.keys", keys.label(CashierAction.SELECT_UP),
                keys.label(CashierAction.SELECT_DOWN), keys.label(CashierAction.CANCEL)));
        keysHint.getStyleClass().add("hint");
        VBox pane = new VBox(10, codeField, notice, table, keysHint);
        pane.getStyleClass().add("cart-pane");
        return pane;
    }

    private void selectRow(int index) {
        if (index < 0 || index >= table.getItems().size()) {
            table.getSelectionModel().clearSelection();
            return;
        }
        table.getSelectionModel().select(index);
        table.scrollTo(Math.max(0, index - 8));
    }

    private Node placeholder() {
        Label empty = new Label(messages.get("checkout.cart.empty"));
        empty.getStyleClass().add("cart-empty");
        VBox box = new VBox(12, empty);
        box.setAlignment(Pos.CENTER);
        if (extras.firstRunHint() != null) {
            Label hint = new Label(extras.firstRunHint());
            hint.setId("first-run-hint");
            hint.getStyleClass().add("first-run-hint");
            hint.setWrapText(true);
            box.getChildren().add(hint);
        }
        return box;
    }

    private static TableColumn<CartLine, String> numberColumn() {
        TableColumn<CartLine, String> column = column("#", 48, "number", line -> "");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Integer.toString(getIndex() + 1));
            }
        });
        return column;
    }

    private static TableColumn<CartLine, String> column(String title, double width, String style,
                                                        Function<CartLine, String> value) {
        TableColumn<CartLine, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.getStyleClass().add("column-" + style);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private Node totalPane() {
        Label caption = new Label(messages.get("checkout.total"));
        caption.getStyleClass().add("total-caption");
        Label amount = new Label();
        amount.setId("total-amount");
        amount.getStyleClass().add("total-amount");
        amount.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("checkout.money", vm.total().get().toYuanString()), vm.total()));
        // a total must never be cut to "…": large amounts get a smaller (still large) type
        amount.textProperty().addListener((obs, old, text) -> sizeTotal(amount, text));
        sizeTotal(amount, amount.getText());
        Label count = new Label();
        count.setId("item-count");
        count.getStyleClass().add("item-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("checkout.itemCount", vm.itemCount().get()), vm.itemCount()));
        VBox total = new VBox(4, CartPromotionsView.summary(vm.promotions(), messages, subscriptions), caption, amount,
                count);
        total.getStyleClass().add("total-panel");
        total.setAlignment(Pos.CENTER_RIGHT);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("action-grid");
        grid.setHgap(10);
        grid.setVgap(10);
        for (int i = 0; i < BUTTONS.length; i++) {
            CashierAction action = BUTTONS[i];
            Button button = DialogParts.keyed(messages, keys.label(action), messages.get(action.messageKey()),
                    () -> run(action));
            button.setId("action-" + action.id());
            if (action == CashierAction.CASH) {
                button.getStyleClass().addAll("primary", "cash-button");
                grid.add(button, 0, BUTTONS.length / 2 + 1, 2, 1);
            } else {
                grid.add(button, i % 2, i / 2);
            }
        }
        // the features' buttons (shift, suspend, returns) below the till's own, two to a row
        int row = BUTTONS.length / 2 + 2;
        for (int i = 0; i < extras.actionButtons().size(); i++) {
            Node button = extras.actionButtons().get(i);
            if (button instanceof Region region) {
                region.setMaxWidth(Double.MAX_VALUE);
            }
            grid.add(button, i % 2, row + i / 2);
        }
        for (int c = 0; c < 2; c++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            grid.getColumnConstraints().add(half);
        }
        VBox pane = new VBox(16, total, grid);
        pane.getStyleClass().add("side-pane");
        pane.setPrefWidth(400);
        pane.setMinWidth(340);
        return pane;
    }

    private static void sizeTotal(Label amount, String text) {
        amount.getStyleClass().removeAll("long", "very-long");
        if (text.length() >= 12) {
            amount.getStyleClass().add("very-long");
        } else if (text.length() >= 9) {
            amount.getStyleClass().add("long");
        }
    }

    private Node statusBar(StatusBarViewModel status, int catalogSize) {
        Label terminal = new Label(messages.get("status.terminal", station.terminalId()));
        Label catalog = new Label(messages.get("status.catalog", catalogSize));
        catalog.setId("status-catalog");
        Label time = new Label();
        time.setId("status-time");
        time.textProperty().bind(status.time());
        // items wrap to a second row on a narrow screen rather than shrink to "…"
        FlowPane items = new FlowPane(20, 4, terminal, new Label(station.storeName()), catalog);
        items.getChildren().addAll(extras.statusItems());
        items.setAlignment(Pos.CENTER_LEFT);
        items.getChildren().forEach(item -> {
            if (item instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        HBox.setHgrow(items, Priority.ALWAYS);
        items.setPrefWrapLength(400);
        time.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(20, items, time);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void showMode(CashierMode mode) {
        CashierDialog dialog = switch (mode) {
            case SCANNING -> null;
            case SEARCH -> search;
            case ENTRY -> entry;
            case CONFIRM_CLEAR -> clear;
            case VOID_REASON -> voidReason;
            case APPROVAL -> approvalDialog();
            case RECEIPT -> receipt;
            case PAYMENT -> vm.payment().get() == null ? null
                    : new PaymentDialog(vm.payment().get(), messages, keys, () -> run(CashierAction.CANCEL));
            case SETTINGS -> settingsDialog();
        };
        if (dialog == null) {
            layer.hide();
            focusScanning();
            return;
        }
        layer.show(dialog.root(), mode == CashierMode.SETTINGS ? settingsBanner : null);
        Platform.runLater(() -> {
            dialog.focusTarget().requestFocus();
            dialog.shown();
        });
    }

    private CashierDialog approvalDialog() {
        return new CashierDialog() {
            @Override
            public Region root() {
                return approval.root();
            }

            @Override
            public Node focusTarget() {
                return approval.focusTarget();
            }
        };
    }

    private CashierDialog settingsDialog() {
        Region content = extras.settingsDialog() == null ? null : extras.settingsDialog().get();
        if (content == null) {
            return null;
        }
        return new CashierDialog() {
            @Override
            public Region root() {
                return content;
            }

            @Override
            public Node focusTarget() {
                return content.lookup(".settings-first") != null ? content.lookup(".settings-first") : content;
            }
        };
    }

    private void focusScanning() {
        Platform.runLater(() -> {
            if (vm.mode().get() == CashierMode.SCANNING) {
                codeField.requestFocus();
                codeField.end();
            }
        });
    }
}
