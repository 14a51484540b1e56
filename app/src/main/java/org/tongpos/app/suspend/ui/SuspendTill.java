package org.tongpos.app.suspend.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.ui.OperatorGate;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.suspend.domain.SuspendedSale;
import org.tongpos.app.ui.FeatureTill;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillButtons;
import org.tongpos.app.ui.TillCommand;

/**
 * Suspend and resume in the cashier window ({@link SuspendViewModel}): {@code key.suspend} (F4) puts the sale aside,
 * {@code key.resume} (Shift+F4) lists the suspended sales; ↑/↓ choose, Enter resumes, Esc goes back.
 */
public final class SuspendTill extends FeatureTill {

    public static final TillCommand SUSPEND = new TillCommand(SettingKey.KEY_SUSPEND.key(), "suspend.action.suspend");
    public static final TillCommand RESUME = new TillCommand(SettingKey.KEY_RESUME.key(), "suspend.action.resume");

    private final SuspendViewModel vm;

    public SuspendTill(SuspendViewModel vm, Map<String, KeyCodeCombination> keys,
                       Function<KeyCodeCombination, String> keyLabels) {
        super(List.of(SUSPEND, RESUME), List.of(SUSPEND, RESUME), keys, keyLabels);
        this.vm = vm;
        vm.listing().addListener((obs, old, listing) -> {
            if (listing) {
                show(this::list);
            } else {
                hide();
            }
        });
    }

    /** Suspend and resume for the application's window, on the terminal's suspended sales. */
    public static SuspendTill forWindow(Terminal terminal, CashierViewModel till, OperatorGate gate, TaskRunner tasks,
                                        Map<String, KeyCodeCombination> keys) {
        SuspendTill screens = new SuspendTill(new SuspendViewModel(terminal.suspended(), till, tasks, gate::current),
                keys, KeyBindings::label);
        screens.setAvailable(till::isScanning);
        return screens;
    }

    public SuspendViewModel viewModel() {
        return vm;
    }

    @Override
    protected void run(TillCommand command) {
        if (command == SUSPEND) {
            vm.suspend();
        } else {
            vm.openList();
        }
    }

    @Override
    protected boolean runWhileShowing(TillCommand command) {
        // the resume key again on the list resumes the chosen sale
        return command == RESUME && vm.resume();
    }

    @Override
    protected void escape() {
        vm.close();
    }

    private Dialog list(Messages m, Subscriptions s) {
        ListView<SuspendedSale> list = new ListView<>(vm.sales());
        list.setId("suspended-list");
        list.getStyleClass().add("search-results");
        list.setPrefSize(680, 360);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SuspendedSale sale, boolean empty) {
                super.updateItem(sale, empty);
                setText(empty || sale == null ? null : m.get("suspend.row", getIndex() + 1, time(sale.suspendedAt()),
                        sale.cashier(), sale.lines().size(), sale.total().toYuanString(), names(sale)));
            }
        });
        list.getSelectionModel().select(vm.selected().get());
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                vm.selected().set(index.intValue());
            }
        });
        s.onChange(vm.selected(), (obs, old, index) -> {
            list.getSelectionModel().select(index.intValue());
            list.scrollTo(Math.max(0, index.intValue() - 4));
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.resume();
                e.consume();
            }
        });
        NoticeLabel notice = new NoticeLabel(vm.notice(), m, s).collapsing();
        notice.setId("suspend-notice");
        Button resume = TillButtons.keyed(m, "Enter", m.get("suspend.resume"), vm::resume);
        resume.getStyleClass().add("primary");
        resume.setId("suspend-resume");
        Label hint = new Label(m.get("suspend.list.hint"));
        hint.getStyleClass().add("hint");
        VBox root = new VBox(12, TillButtons.title(m.get("suspend.list.title", vm.sales().size())), hint, list,
                notice, TillButtons.row(resume, TillButtons.keyed(m, "Esc", m.get("till.back"), vm::close)));
        root.setId("suspend-dialog");
        return new Dialog(root, list);
    }

    private static String time(String apiTime) {
        String local = apiTime.length() >= 19 ? apiTime.substring(0, 19) : apiTime;
        return local.replace('T', ' ');
    }

    /** The first goods of the sale, so the cashier can tell sales apart ("可口可乐、农夫山泉…"). */
    private static String names(SuspendedSale sale) {
        StringBuilder text = new StringBuilder();
        for (SuspendedSale.Line line : sale.lines()) {
            if (text.length() > 0) {
                text.append("、");
            }
            if (text.length() + line.name().length() > 24) {
                text.append("…");
                break;
            }
            text.append(line.name());
        }
        return text.toString();
    }
}
