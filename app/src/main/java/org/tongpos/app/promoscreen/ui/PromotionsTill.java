package org.tongpos.app.promoscreen.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.ui.ApprovalDialog;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorGate;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.FeatureTill;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillButtons;
import org.tongpos.app.ui.TillCommand;

/**
 * The promotions screen in the cashier window ({@link PromotionScreenViewModel}) on {@code key.promotions}
 * (Ctrl+M): the list; Enter edits, Insert adds, Delete switches off/on, F3 imports a CSV; the form
 * ({@link PromotionFormView}) saves with F12, a scan on it adds the product; Esc goes back. A change by an operator
 * who is not a manager shows the approval prompt for a manager's number and PIN.
 */
public final class PromotionsTill extends FeatureTill {

    public static final TillCommand PROMOTIONS = new TillCommand(SettingKey.KEY_PROMOTIONS.key(),
            "promo.screen.action");

    private final PromotionScreenViewModel vm;
    private PromotionFormView form;

    public PromotionsTill(PromotionScreenViewModel vm, Map<String, KeyCodeCombination> keys,
                          Function<KeyCodeCombination, String> keyLabels) {
        super(List.of(PROMOTIONS), List.of(), keys, keyLabels);
        this.vm = vm;
        vm.step().addListener((obs, old, step) -> {
            switch (step) {
                case NONE -> hide();
                case LIST -> show(this::list);
                case EDIT -> show(this::edit);
                case IMPORT -> show(this::importing);
                case APPROVAL -> show((m, s) -> {
                    ApprovalDialog dialog = new ApprovalDialog(vm.approvals(), m, "Esc", s);
                    return new Dialog(dialog.root(), dialog.focusTarget());
                });
            }
        });
    }

    /** The screen of the application's window, on the terminal's promotions, as the operator at the till. */
    public static PromotionsTill forWindow(Terminal terminal, CashierViewModel till, OperatorGate gate,
                                           TaskRunner tasks, Map<String, KeyCodeCombination> keys) {
        ApprovalViewModel approvals = new ApprovalViewModel(terminal.operators().approvals(), tasks,
                terminal.clock().getZone());
        PromotionScreenViewModel vm = new PromotionScreenViewModel(terminal.promotions().promotions(),
                new GoodsLookup(terminal.catalog()), tasks, gate::current, terminal.messages(), approvals);
        vm.onTillNotice(till.notice()::set);
        PromotionsTill screens = new PromotionsTill(vm, keys, KeyBindings::label);
        screens.setAvailable(till::isScanning);
        return screens;
    }

    public PromotionScreenViewModel viewModel() {
        return vm;
    }

    @Override
    protected void run(TillCommand command) {
        vm.open();
    }

    @Override
    protected void escape() {
        if (form != null && vm.step().get() == PromotionScreenViewModel.Step.EDIT && form.closePopup()) {
            return;
        }
        vm.cancel();
    }

    /** A scan on the form adds the product to the promotion's goods. */
    @Override
    public void scanned(String code) {
        vm.scanned(code);
    }

    private Dialog list(Messages m, Subscriptions s) {
        TableView<Promotion> table = new TableView<>(vm.rows());
        table.setId("promo-list");
        table.getStyleClass().add("cart-table");
        table.setPrefSize(860, 380);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(m.get("promo.screen.column.id"), 140, Promotion::id));
        table.getColumns().add(column(m.get("promo.screen.column.name"), 250, Promotion::name));
        table.getColumns().add(column(m.get("promo.screen.column.kind"), 230,
                p -> m.get(kindKey(p)) + " (" + p.kind().name().toLowerCase(java.util.Locale.ROOT) + ")"));
        table.getColumns().add(column(m.get("promo.screen.column.status"), 120,
                p -> m.get(p.active() ? "promo.screen.on" : "promo.screen.off")));
        table.getSelectionModel().select(vm.selected().get());
        s.onChange(vm.selected(), (obs, old, index) -> {
            table.getSelectionModel().select(index.intValue());
            table.scrollTo(Math.max(0, index.intValue() - 4));
        });
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                vm.selected().set(index.intValue());
            }
        });
        Button edit = TillButtons.keyed(m, "Enter", m.get("promo.screen.edit"), vm::edit);
        edit.getStyleClass().add("primary");
        VBox root = new VBox(10, TillButtons.title(m.get("promo.screen.title")), table, notice(m, s),
                TillButtons.row(edit, TillButtons.keyed(m, "Insert", m.get("promo.screen.add"), vm::add),
                        TillButtons.keyed(m, "Delete", m.get("promo.screen.toggle"), vm::toggle),
                        TillButtons.keyed(m, "F3", m.get("promo.screen.import"), vm::startImport),
                        TillButtons.keyed(m, "Esc", m.get("till.back"), vm::cancel)));
        root.setId("promo-list-dialog");
        root.setFocusTraversable(true);
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean used = switch (e.getCode()) {
                case UP -> {
                    vm.move(-1);
                    yield true;
                }
                case DOWN -> {
                    vm.move(1);
                    yield true;
                }
                case ENTER -> vm.edit();
                case INSERT -> vm.add();
                case DELETE -> vm.toggle();
                case F3 -> vm.startImport();
                default -> false;
            };
            if (used) {
                e.consume();
            }
        });
        table.setFocusTraversable(false);
        return new Dialog(root, root);
    }

    private Dialog edit(Messages m, Subscriptions s) {
        PromotionFormView view = new PromotionFormView(vm, m, s);
        form = view;
        s.add(() -> form = null);
        return new Dialog(view.root(), view.focus());
    }

    private Dialog importing(Messages m, Subscriptions s) {
        TextField file = boundField(vm.file(), s, "promo-file", m.get("promo.screen.filePrompt"));
        file.getStyleClass().add("entry-field");
        file.setOnAction(e -> vm.importFile());
        Button go = TillButtons.keyed(m, "Enter", m.get("promo.screen.import"), vm::importFile);
        go.getStyleClass().add("primary");
        VBox root = new VBox(10, TillButtons.title(m.get("promo.screen.importTitle")), file, notice(m, s),
                problems(s), TillButtons.row(go, TillButtons.keyed(m, "Esc", m.get("till.back"), vm::cancel)));
        root.setId("promo-import-dialog");
        root.setPrefWidth(760);
        return new Dialog(root, file);
    }

    private TextArea problems(Subscriptions s) {
        TextArea problems = new TextArea();
        problems.setId("promo-problems");
        problems.setEditable(false);
        problems.setFocusTraversable(false);
        problems.setPrefRowCount(5);
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problems());
        s.add(() -> problems.textProperty().unbind());
        problems.visibleProperty().bind(vm.problems().isNotEmpty());
        problems.managedProperty().bind(vm.problems().isNotEmpty());
        return problems;
    }

    /** {@code promo.kind.percentOff} for PERCENT_OFF, as the command line names kinds. */
    static String kindKey(Promotion p) {
        return PromotionFormView.kindKey(p.kind());
    }

    private NoticeLabel notice(Messages m, Subscriptions s) {
        NoticeLabel notice = new NoticeLabel(vm.notice(), m, s).collapsing();
        notice.setId("promo-notice");
        return notice;
    }

    private static TableColumn<Promotion, String> column(String title, double width,
                                                         Function<Promotion, String> value) {
        TableColumn<Promotion, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
