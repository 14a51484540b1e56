package org.tongpos.app.shifts.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.ApprovalDialog;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorGate;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.shifts.domain.Shift;
import org.tongpos.app.shifts.domain.ShiftReport;
import org.tongpos.app.ui.FeatureTill;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.TillButtons;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillPrinter;
import org.tongpos.app.ui.UiFonts;

/**
 * The shift screens in the cashier window ({@link ShiftViewModel}): the opening float asked for when a cashier logs
 * in with no open shift, the shift panel ({@code key.shift}, Ctrl+S), paid-in ({@code key.paid-in}, Ctrl+I), paid-out
 * ({@code key.paid-out}, Ctrl+O), the X report ({@code key.x-report}, Ctrl+X) and closing the shift
 * ({@code key.close-shift}, Ctrl+Z) with the blind count and the Z report. The status bar says which shift is open.
 */
public final class ShiftTill extends FeatureTill {

    public static final TillCommand PANEL = new TillCommand(SettingKey.KEY_SHIFT.key(), "shift.action.panel");
    public static final TillCommand PAID_IN = new TillCommand(SettingKey.KEY_PAID_IN.key(), "shift.action.paidIn");
    public static final TillCommand PAID_OUT = new TillCommand(SettingKey.KEY_PAID_OUT.key(), "shift.action.paidOut");
    public static final TillCommand X_REPORT = new TillCommand(SettingKey.KEY_X_REPORT.key(), "shift.action.xReport");
    public static final TillCommand CLOSE = new TillCommand(SettingKey.KEY_CLOSE_SHIFT.key(), "shift.action.close");

    private final ShiftViewModel vm;
    private final String monoFamily = UiFonts.monoFamily();
    private Subscriptions statusSubscriptions = new Subscriptions();

    /**
     * @param session the operator at the till: each log-in (and the automatic one) checks for an open shift
     */
    public ShiftTill(ShiftViewModel vm, ReadOnlyObjectProperty<Session> session, Map<String, KeyCodeCombination> keys,
                     Function<KeyCodeCombination, String> keyLabels) {
        super(List.of(PANEL, PAID_IN, PAID_OUT, X_REPORT, CLOSE), List.of(PANEL), keys, keyLabels);
        this.vm = vm;
        vm.step().addListener((obs, old, step) -> render(step));
        session.addListener((obs, old, now) -> {
            if (now != null) {
                vm.loggedIn();
            }
        });
        if (session.get() != null) {
            vm.loggedIn();
        }
    }

    /**
     * The shift screens of the application's window: the terminal's shift service and reports, the receipt printer,
     * an approval prompt of their own, the window's log-in; payments wait for an open shift, and what is done is said
     * on the till's notice line.
     */
    public static ShiftTill forWindow(Terminal terminal, CashierViewModel till, OperatorGate gate, TaskRunner tasks,
                                      TillPrinter printer, Map<String, KeyCodeCombination> keys) {
        ApprovalViewModel approvals = new ApprovalViewModel(terminal.operators().approvals(), tasks,
                terminal.clock().getZone());
        ShiftViewModel vm = new ShiftViewModel(terminal.shifts(), terminal.shiftReports(), tasks, gate::current,
                approvals, printer);
        vm.onTillNotice(till.notice()::set);
        till.useSaleCheck(vm::readyToSell);
        ShiftTill screens = new ShiftTill(vm, gate.session(), keys, KeyBindings::label);
        screens.setAvailable(till::isScanning);
        return screens;
    }

    public ShiftViewModel viewModel() {
        return vm;
    }

    @Override
    public List<Node> statusItems(Messages messages) {
        statusSubscriptions.cancelAll();
        statusSubscriptions = new Subscriptions();
        Label label = new Label();
        label.setId("shift-status");
        Runnable show = () -> {
            Shift open = vm.shift().get();
            label.getStyleClass().removeAll(NoticeLabel.ERROR);
            if (open != null) {
                label.setText(messages.get("shift.status.open", open.id(), open.openedBy()));
            } else if (vm.known().get()) {
                label.setText(messages.get("shift.status.none", keyLabel(PANEL)));
                label.getStyleClass().add(NoticeLabel.ERROR);
            } else {
                label.setText("");
            }
        };
        show.run();
        statusSubscriptions.onChange(vm.shift(), (obs, old, now) -> show.run());
        statusSubscriptions.onChange(vm.known(), (obs, old, now) -> show.run());
        return List.of(label);
    }

    @Override
    protected void run(TillCommand command) {
        if (command == PANEL) {
            vm.openPanel();
        } else if (command == PAID_IN) {
            vm.startPaidIn();
        } else if (command == PAID_OUT) {
            vm.startPaidOut();
        } else if (command == X_REPORT) {
            vm.xReport();
        } else if (command == CLOSE) {
            vm.startClose();
        }
    }

    @Override
    protected boolean runWhileShowing(TillCommand command) {
        if (vm.step().get() != ShiftViewModel.Step.PANEL) {
            return false;
        }
        run(command);
        return true;
    }

    @Override
    protected void escape() {
        vm.cancel();
    }

    @Override
    public void scanned(String code) {
        // a scan while counting or typing an amount is not an amount: ignored, the screen stays
    }

    private void render(ShiftViewModel.Step step) {
        switch (step) {
            case NONE -> hide();
            case PANEL -> show(this::panel);
            case OPEN -> show(this::open);
            case PAID_IN, PAID_OUT -> show((m, s) -> move(m, s, step == ShiftViewModel.Step.PAID_IN));
            case COUNT -> show(this::count);
            case REASON -> show(this::reason);
            case REPORT -> show(this::report);
            case APPROVAL -> show((m, s) -> {
                ApprovalDialog dialog = new ApprovalDialog(vm.approvals(), m, "Esc", s);
                return new Dialog(dialog.root(), dialog.focusTarget());
            });
        }
    }

    private Dialog panel(Messages m, Subscriptions s) {
        Shift open = vm.shift().get();
        Label what = new Label(open == null ? "" : m.get("shift.panel.detail", open.openedBy(),
                open.openedAt().replace('T', ' ').substring(0, Math.min(19, open.openedAt().length())),
                open.openingFloat().toYuanString()));
        what.setWrapText(true);
        Button paidIn = TillButtons.keyed(m, keyLabel(PAID_IN), m.get(PAID_IN.messageKey()), vm::startPaidIn);
        Button paidOut = TillButtons.keyed(m, keyLabel(PAID_OUT), m.get(PAID_OUT.messageKey()), vm::startPaidOut);
        Button x = TillButtons.keyed(m, keyLabel(X_REPORT), m.get(X_REPORT.messageKey()), vm::xReport);
        Button close = TillButtons.keyed(m, keyLabel(CLOSE), m.get(CLOSE.messageKey()), vm::startClose);
        close.getStyleClass().add("primary");
        Button back = TillButtons.keyed(m, "Esc", m.get("till.back"), vm::cancel);
        VBox root = new VBox(14, TillButtons.title(m.get("shift.panel.title", open == null ? "" : open.id())), what,
                notice(m, s), TillButtons.row(paidIn, paidOut), TillButtons.row(x, close), TillButtons.row(back));
        root.setPrefWidth(560);
        root.setId("shift-panel");
        return new Dialog(root, root);
    }

    private Dialog open(Messages m, Subscriptions s) {
        TextField amount = amountField(s, "shift-float");
        amount.setOnAction(e -> vm.confirm());
        VBox root = new VBox(12, TillButtons.title(m.get("shift.open.title")), wrapped(m.get("shift.open.prompt")),
                amount, notice(m, s), TillButtons.row(
                        primary(TillButtons.keyed(m, "Enter", m.get("shift.open.confirm"), vm::confirm)),
                        TillButtons.keyed(m, "Esc", m.get("shift.open.cancel"), vm::cancel)));
        root.setPrefWidth(520);
        root.setId("shift-open-dialog");
        return new Dialog(root, amount);
    }

    private Dialog move(Messages m, Subscriptions s, boolean in) {
        TextField amount = amountField(s, "shift-amount");
        TextField reason = boundField(vm.reason(), s, "shift-reason", m.get("shift.move.reasonPrompt"));
        amount.setOnAction(e -> reason.requestFocus());
        reason.setOnAction(e -> vm.confirm());
        VBox root = new VBox(12, TillButtons.title(m.get(in ? "shift.move.title.in" : "shift.move.title.out")),
                wrapped(m.get("shift.move.amount")), amount, wrapped(m.get("shift.move.reason")), reason,
                notice(m, s), TillButtons.row(
                        primary(TillButtons.keyed(m, "Enter", m.get("common.ok"), vm::confirm)),
                        TillButtons.keyed(m, "Esc", m.get("till.back"), vm::cancel)));
        root.setPrefWidth(520);
        root.setId("shift-move-dialog");
        return new Dialog(root, amount);
    }

    private Dialog count(Messages m, Subscriptions s) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        List<TextField> fields = new ArrayList<>();
        int row = 0;
        for (Map.Entry<Long, StringProperty> piece : vm.pieces().entrySet()) {
            Money denomination = Money.ofFen(piece.getKey());
            Label name = new Label(m.get("shift.count.denomination", yuanShort(denomination)));
            name.getStyleClass().add("count-denomination");
            TextField field = boundField(piece.getValue(), s, "count-" + piece.getKey(), "0");
            field.setPrefColumnCount(6);
            field.getStyleClass().add("count-field");
            Label subtotal = new Label();
            subtotal.getStyleClass().add("count-subtotal");
            Runnable showSubtotal = () -> {
                String text = piece.getValue().get() == null ? "" : piece.getValue().get().strip();
                subtotal.setText(text.matches("\\d{1,6}")
                        ? m.get("checkout.money", denomination.times(Long.parseLong(text)).toYuanString()) : "");
            };
            showSubtotal.run();
            s.onChange(piece.getValue(), (obs, old, now) -> showSubtotal.run());
            grid.addRow(row++, name, field, subtotal);
            fields.add(field);
        }
        for (int i = 0; i < fields.size(); i++) {
            TextField field = fields.get(i);
            TextField next = i + 1 < fields.size() ? fields.get(i + 1) : null;
            TextField previous = i > 0 ? fields.get(i - 1) : null;
            field.setOnAction(e -> {
                if (next == null) {
                    vm.confirm();
                } else {
                    next.requestFocus();
                    next.selectAll();
                }
            });
            field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                TextField to = e.getCode() == KeyCode.DOWN ? next : e.getCode() == KeyCode.UP ? previous : null;
                if (to != null) {
                    to.requestFocus();
                    to.selectAll();
                    e.consume();
                }
            });
        }
        Label total = new Label();
        total.setId("count-total");
        total.getStyleClass().add("payment-due");
        total.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> m.get("shift.count.total", vm.counted().get().toYuanString()), vm.counted()));
        s.add(() -> total.textProperty().unbind());
        Button confirm = primary(TillButtons.keyed(m, "Enter", m.get("shift.count.confirm"), vm::confirm));
        confirm.setId("count-confirm");
        VBox root = new VBox(10, TillButtons.title(m.get("shift.count.title")), notice(m, s), grid, total,
                TillButtons.row(confirm, TillButtons.keyed(m, "Esc", m.get("till.back"), vm::cancel)));
        root.setPrefWidth(560);
        root.setId("shift-count-dialog");
        return new Dialog(root, fields.get(0));
    }

    private Dialog reason(Messages m, Subscriptions s) {
        Money difference = vm.overShort().get();
        Label big = new Label(overShortText(m, difference));
        big.setId("over-short");
        big.getStyleClass().addAll("payment-due", "over-short");
        TextField reason = boundField(vm.reason(), s, "shift-over-short-reason", m.get("shift.reason.prompt"));
        reason.setOnAction(e -> vm.confirm());
        VBox root = new VBox(12, TillButtons.title(m.get("shift.reason.title")), big, notice(m, s), reason,
                TillButtons.row(primary(TillButtons.keyed(m, "Enter", m.get("shift.count.confirm"), vm::confirm)),
                        TillButtons.keyed(m, "Esc", m.get("shift.reason.recount"), vm::cancel)));
        root.setPrefWidth(560);
        root.setId("shift-reason-dialog");
        return new Dialog(root, reason);
    }

    private Dialog report(Messages m, Subscriptions s) {
        ShiftReport shown = vm.report().get();
        VBox root = new VBox(10);
        root.getChildren().add(TillButtons.title(m.get("shift.report.title." + shown.kind().name())));
        shown.overShort().ifPresent(difference -> {
            Label big = new Label(overShortText(m, difference));
            big.setId("over-short");
            big.getStyleClass().addAll("payment-due", difference.isZero() ? "over-short-balanced" : "over-short");
            Label figures = new Label(m.get("shift.report.summary", shown.figures().expectedCash().toYuanString(),
                    shown.count().orElseThrow().total().toYuanString()));
            figures.setId("shift-summary");
            figures.getStyleClass().add("payment-caption");
            root.getChildren().addAll(big, figures);
        });
        TextArea text = new TextArea(vm.reportText().get());
        text.setId("shift-report");
        text.setEditable(false);
        text.setFocusTraversable(false);
        text.setStyle("-fx-font-family: '" + monoFamily + "'; -fx-font-size: 15px;");
        text.setPrefRowCount(18);
        text.setPrefColumnCount(50);
        NoticeLabel printed = new NoticeLabel(vm.printed(), m, s).collapsing();
        printed.setId("shift-printed");
        Button done = primary(TillButtons.keyed(m, "Enter", m.get("shift.report.done"), vm::close));
        done.setId("shift-report-done");
        root.getChildren().addAll(text, printed, TillButtons.row(done));
        root.setPrefWidth(640);
        root.setId("shift-report-dialog");
        // Enter on the report closes it: the root takes the key (the text area never takes the focus)
        root.setFocusTraversable(true);
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.close();
                e.consume();
            }
        });
        return new Dialog(root, root);
    }

    private static String overShortText(Messages m, Money difference) {
        if (difference.isZero()) {
            return m.get("shift.overShort.balanced");
        }
        return difference.isNegative() ? m.get("shift.overShort.short", difference.negate().toYuanString())
                : m.get("shift.overShort.over", difference.toYuanString());
    }

    private static String yuanShort(Money money) {
        String text = money.toYuanString();
        return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text.replaceAll("0$", "");
    }

    private TextField amountField(Subscriptions s, String id) {
        TextField amount = boundField(vm.amount(), s, id, "0.00");
        amount.getStyleClass().add("entry-field");
        return amount;
    }

    private NoticeLabel notice(Messages m, Subscriptions s) {
        NoticeLabel notice = new NoticeLabel(vm.notice(), m, s).collapsing();
        notice.setId("shift-notice");
        return notice;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setAlignment(Pos.CENTER_LEFT);
        return label;
    }

    private static Button primary(Button button) {
        button.getStyleClass().add("primary");
        return button;
    }
}
