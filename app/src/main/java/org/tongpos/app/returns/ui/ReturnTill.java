package org.tongpos.app.returns.ui;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.ui.ApprovalDialog;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorGate;
import org.tongpos.app.returns.domain.NoReceiptLine;
import org.tongpos.app.returns.domain.OriginalSale;
import org.tongpos.app.returns.service.RefundReceipts;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.FeatureTill;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillButtons;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillPrinter;
import org.tongpos.app.ui.UiFonts;

/**
 * The return screen in the cashier window ({@link ReturnViewModel}) on {@code key.return} (F1): scan the receipt's QR
 * code or type its number and Enter; ↑/↓ choose a line, type how many come back (or scan the item), F5 picks
 * everything left, Enter refunds (a supervisor approves above {@code refund.approval-above}); the refund slip prints.
 */
public final class ReturnTill extends FeatureTill {

    public static final TillCommand RETURN = new TillCommand(SettingKey.KEY_RETURN.key(), "return.action");

    private final ReturnViewModel vm;
    private final String monoFamily = UiFonts.monoFamily();

    public ReturnTill(ReturnViewModel vm, Map<String, KeyCodeCombination> keys,
                      Function<KeyCodeCombination, String> keyLabels) {
        super(List.of(RETURN), List.of(RETURN), keys, keyLabels);
        this.vm = vm;
        vm.step().addListener((obs, old, step) -> render(step));
    }

    /**
     * The return screen of the application's window: the terminal's returns, the refund slip on the receipt printer,
     * an approval prompt of its own; {@code readyToRefund} (an open shift) is asked before it opens.
     */
    public static ReturnTill forWindow(Terminal terminal, CashierViewModel till, OperatorGate gate, TaskRunner tasks,
                                       TillPrinter printer, BooleanSupplier readyToRefund,
                                       Map<String, KeyCodeCombination> keys) {
        ApprovalViewModel approvals = new ApprovalViewModel(terminal.operators().approvals(), tasks,
                terminal.clock().getZone());
        ReturnViewModel vm = new ReturnViewModel(terminal.returns(),
                new RefundReceipts(terminal.messages(), terminal.storeName()), tasks, gate::current, approvals,
                printer, terminal.clock());
        vm.useRefundCheck(() -> {
            if (!till.lines().isEmpty()) {
                till.notice().set(org.tongpos.app.ui.Notice.error("return.saleInProgress"));
                return false;
            }
            return readyToRefund.getAsBoolean();
        });
        vm.onTillNotice(till.notice()::set);
        ReturnTill screens = new ReturnTill(vm, keys, KeyBindings::label);
        screens.setAvailable(till::isScanning);
        return screens;
    }

    public ReturnViewModel viewModel() {
        return vm;
    }

    @Override
    protected void run(TillCommand command) {
        vm.open();
    }

    @Override
    protected void escape() {
        vm.cancel();
    }

    @Override
    public void scanned(String code) {
        vm.scanned(code);
    }

    private void render(ReturnViewModel.Step step) {
        switch (step) {
            case NONE -> hide();
            case RECEIPT -> show(this::receipt);
            case PICK -> show(this::pick);
            case NO_RECEIPT -> show(this::noReceipt);
            case APPROVAL -> show((m, s) -> {
                ApprovalDialog dialog = new ApprovalDialog(vm.approvals(), m, "Esc", s);
                return new Dialog(dialog.root(), dialog.focusTarget());
            });
            case DONE -> show(this::done);
        }
    }

    private Dialog receipt(Messages m, Subscriptions s) {
        TextField number = boundField(vm.receiptNo(), s, "return-receipt", m.get("return.receipt.prompt"));
        number.getStyleClass().add("entry-field");
        number.setOnAction(e -> vm.confirm());
        Button find = TillButtons.keyed(m, "Enter", m.get("return.find"), vm::confirm);
        find.getStyleClass().add("primary");
        Button without = TillButtons.keyed(m, "F2", m.get("return.noReceipt.action"), vm::withoutReceipt);
        without.setId("return-no-receipt");
        VBox root = new VBox(12, TillButtons.title(m.get("return.title")), notice(m, s), number,
                TillButtons.row(find, without, TillButtons.keyed(m, "Esc", m.get("till.back"), vm::cancel)));
        root.setPrefWidth(560);
        root.setId("return-receipt-dialog");
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F2) {
                vm.withoutReceipt();
                e.consume();
            }
        });
        return new Dialog(root, number);
    }

    private Dialog pick(Messages m, Subscriptions s) {
        OriginalSale sale = vm.sale().get();
        TableView<ReturnViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("return-lines");
        table.getStyleClass().add("cart-table");
        table.setFocusTraversable(false);
        table.setPrefSize(820, 300);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(m.get("return.column.line"), 50, r -> Integer.toString(r.line().lineNo())));
        table.getColumns().add(column(m.get("checkout.column.name"), 260, r -> r.line().name()));
        table.getColumns().add(column(m.get("return.column.sold"), 90, r -> sold(m, r.line())));
        table.getColumns().add(column(m.get("return.column.left"), 90, r -> Long.toString(r.line().unitsLeft())));
        TableColumn<ReturnViewModel.Row, String> now = new TableColumn<>(m.get("return.column.now"));
        now.setPrefWidth(90);
        now.setSortable(false);
        now.setCellValueFactory(cell -> cell.getValue().units().asString());
        table.getColumns().add(now);
        TableColumn<ReturnViewModel.Row, String> amount = new TableColumn<>(m.get("return.column.amount"));
        amount.setPrefWidth(110);
        amount.setSortable(false);
        amount.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> org.tongpos.app.money.domain.Money.ofFen(cell.getValue().amountFen()).toYuanString(),
                cell.getValue().units()));
        table.getColumns().add(amount);
        table.getSelectionModel().select(vm.selected().get());
        s.onChange(vm.selected(), (obs, old, index) -> table.getSelectionModel().select(index.intValue()));
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                vm.selected().set(index.intValue());
            }
        });

        TextField quantity = boundField(vm.quantity(), s, "return-quantity", "0");
        quantity.getStyleClass().add("entry-field");
        quantity.setPrefColumnCount(6);
        TextField reason = boundField(vm.reason(), s, "return-reason", m.get("return.reason.prompt"));
        quantity.setOnAction(e -> vm.confirm());
        reason.setOnAction(e -> vm.confirm());
        quantity.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                vm.move(e.getCode() == KeyCode.UP ? -1 : 1);
                quantity.selectAll();
                e.consume();
            }
        });
        Label quantityLabel = new Label(m.get("return.quantity"));
        Label total = new Label();
        total.setId("return-total");
        total.getStyleClass().add("payment-due");
        total.textProperty().bind(Bindings.createStringBinding(
                () -> m.get("return.total", vm.refund().get().toYuanString()), vm.refund()));
        s.add(() -> total.textProperty().unbind());
        Button refund = TillButtons.keyed(m, "Enter", m.get("return.confirm"), vm::confirm);
        refund.getStyleClass().add("primary");
        refund.setId("return-confirm");
        Button all = TillButtons.keyed(m, "F5", m.get("return.all"), vm::pickAll);
        HBox entry = new HBox(12, quantityLabel, quantity, reason);
        entry.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(reason, javafx.scene.layout.Priority.ALWAYS);
        Label hint = new Label(m.get("return.pick.hint"));
        hint.getStyleClass().add("hint");
        VBox root = new VBox(10, TillButtons.title(m.get("return.sale", sale.receiptNo(),
                org.tongpos.app.money.domain.Money.ofFen(sale.totalFen()).toYuanString())), table, hint, entry,
                notice(m, s), total, TillButtons.row(refund, all,
                        TillButtons.keyed(m, "Esc", m.get("till.back"), vm::cancel)));
        root.setId("return-pick-dialog");
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                vm.pickAll();
                e.consume();
            }
        });
        return new Dialog(root, quantity);
    }

    private Dialog noReceipt(Messages m, Subscriptions s) {
        TableView<NoReceiptLine> table = new TableView<>(vm.noReceiptLines());
        table.setId("return-noreceipt-lines");
        table.getStyleClass().add("cart-table");
        table.setFocusTraversable(false);
        table.setPrefSize(760, 240);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(lineColumn(m.get("checkout.column.name"), 300, NoReceiptLine::name));
        table.getColumns().add(lineColumn(m.get("return.column.now"), 100,
                l -> l.whole() ? m.get("return.whole") + " ×" + l.units() : Long.toString(l.units())));
        table.getColumns().add(lineColumn(m.get("return.column.amount"), 120,
                l -> org.tongpos.app.money.domain.Money.ofFen(l.amountFen()).toYuanString()));
        table.getSelectionModel().select(vm.selected().get());
        s.onChange(vm.selected(), (obs, old, index) -> table.getSelectionModel().select(index.intValue()));

        TextField item = boundField(vm.item(), s, "return-item", m.get("return.noReceipt.item.prompt"));
        item.getStyleClass().add("entry-field");
        TextField reason = boundField(vm.reason(), s, "return-noreceipt-reason", m.get("return.noReceipt.reason"));
        item.setOnAction(e -> vm.confirm());
        reason.setOnAction(e -> vm.confirm());
        item.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                vm.move(e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && item.getText().isEmpty()) {
                vm.removeItem();
                e.consume();
            }
        });
        Label total = new Label();
        total.setId("return-total");
        total.getStyleClass().add("payment-due");
        total.textProperty().bind(Bindings.createStringBinding(
                () -> m.get("return.noReceipt.total", vm.refund().get().toYuanString()), vm.refund()));
        s.add(() -> total.textProperty().unbind());
        Label hint = new Label(m.get("return.noReceipt.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Button refund = TillButtons.keyed(m, "Enter", m.get("return.confirm"), vm::confirm);
        refund.getStyleClass().add("primary");
        VBox root = new VBox(10, TillButtons.title(m.get("return.noReceipt.title")), table, hint, item, reason,
                notice(m, s), total, TillButtons.row(refund, TillButtons.keyed(m, "Esc", m.get("till.back"),
                vm::cancel)));
        root.setId("return-noreceipt-dialog");
        root.setPrefWidth(800);
        return new Dialog(root, item);
    }

    private static TableColumn<NoReceiptLine, String> lineColumn(String title, double width,
                                                                Function<NoReceiptLine, String> value) {
        TableColumn<NoReceiptLine, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private Dialog done(Messages m, Subscriptions s) {
        NoticeLabel what = notice(m, s);
        what.getStyleClass().add("payment-change");
        TextArea slip = new TextArea(vm.slipText().get());
        slip.setId("return-slip");
        slip.setEditable(false);
        slip.setFocusTraversable(false);
        slip.setStyle("-fx-font-family: '" + monoFamily + "'; -fx-font-size: 15px;");
        slip.setPrefRowCount(14);
        slip.setPrefColumnCount(50);
        NoticeLabel printed = new NoticeLabel(vm.printed(), m, s).collapsing();
        printed.setId("return-printed");
        Button close = TillButtons.keyed(m, "Enter", m.get("shift.report.done"), vm::close);
        close.getStyleClass().add("primary");
        VBox root = new VBox(10, TillButtons.title(m.get("return.done.title")), what, slip, printed,
                TillButtons.row(close));
        root.setPrefWidth(620);
        root.setId("return-done-dialog");
        root.setFocusTraversable(true);
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.close();
                e.consume();
            }
        });
        return new Dialog(root, root);
    }

    private static String sold(Messages m, OriginalSale.Line line) {
        if (line.weighed() || line.quantity() == 0) {
            return m.get("return.whole");
        }
        return Long.toString(line.quantity());
    }

    private static TableColumn<ReturnViewModel.Row, String> column(String title, double width,
                                                                  Function<ReturnViewModel.Row, String> value) {
        TableColumn<ReturnViewModel.Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private NoticeLabel notice(Messages m, Subscriptions s) {
        NoticeLabel notice = new NoticeLabel(vm.notice(), m, s).collapsing();
        notice.setId("return-notice");
        return notice;
    }
}
