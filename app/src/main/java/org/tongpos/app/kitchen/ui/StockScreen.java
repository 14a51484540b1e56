package org.tongpos.app.kitchen.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCodeCombination;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.kitchen.service.KitchenStock;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.KeyedScreen;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillExtension;

/**
 * What the cashier window gets from kitchen stock: the owner's stock screen on a key (the setting {@code key.stock},
 * Shift+F7 by default), on a status-bar button and from the dashboard, shown in place of the till until Esc. Like
 * the dashboard, anyone may open it and it reads with the logged-in operator's session: reading needs READ_REPORTS
 * (a cashier sees the refusal, no figures), recording a movement MANAGE_STOCK (an auditor reads, changes nothing).
 */
public final class StockScreen extends KeyedScreen<StockViewModel> {

    public static final TillCommand COMMAND = new TillCommand(SettingKey.KEY_STOCK.key(), "stock.screen.title");

    private final KitchenStock stock;
    private final Supplier<Session> session;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Path exportDirectory;

    /** @param exportDirectory where F9 writes the CSV (created when needed) */
    public StockScreen(KitchenStock stock, Supplier<Session> session, TaskRunner tasks, Clock clock,
                       Path exportDirectory, KeyCodeCombination key) {
        super(COMMAND, key);
        this.stock = stock;
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.exportDirectory = exportDirectory;
    }

    /** The button's text, with the key: the status bar's and the dashboard's entry to the screen. */
    public String menuText(Messages messages) {
        return messages.get("stock.screen.menu", KeyBindings.label(key()));
    }

    @Override
    public List<Node> statusItems(Messages messages) {
        return List.of(TillExtension.screenButton("stock-open", menuText(messages), this::isShowing,
                scene -> open(scene, messages)));
    }

    /** A scan while the screen shows names an item: the open form's, else the filter's. */
    @Override
    public boolean takeScan(String code) {
        if (!isShowing()) {
            return false;
        }
        shown().ifPresent(vm -> vm.scanned(code));
        return true;
    }

    /** Shows the stock screen in place of the till and reads stock on hand. */
    @Override
    public StockViewModel open(Scene target, Messages messages) {
        StockViewModel vm = new StockViewModel(stock, session, tasks, clock, exportDirectory, messages);
        StockView view = new StockView(vm, messages, this::close);
        show(target, view.root(), vm, view::handleKey);
        view.focusTable();
        vm.refresh();
        return vm;
    }
}
