package org.tongpos.app.reports.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.service.ReportDocuments;
import org.tongpos.app.reports.service.Reports;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillExtension;

/**
 * What the cashier window gets from the reports feature: the owner's dashboard on a key (the setting
 * {@code key.reports}, Shift+F9 by default) and on a button in the status bar (the window's menu of screens), shown in
 * place of the till until Esc. Whoever is logged in reads it with their own session: an operator without
 * READ_REPORTS (a cashier) sees the refusal, not figures.
 */
public final class DashboardScreens implements TillExtension {

    public static final TillCommand COMMAND = new TillCommand(SettingKey.KEY_REPORTS.key(), "report.dash.title");

    private final Reports reports;
    private final Supplier<Session> session;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Path exportDirectory;
    private final Callable<Path> font;
    private KeyCodeCombination key;
    private Scene scene;
    private Parent till;
    private DashboardViewModel shown;
    private DashboardView shownView;
    private Runnable onClosed = () -> { };
    private java.util.function.Consumer<org.tongpos.app.reports.domain.SalesReport> summaryPrinter;

    /** Where the dashboard's "print summary" sends a range's report by tender (the receipt printer). */
    public void setSummaryPrinter(java.util.function.Consumer<org.tongpos.app.reports.domain.SalesReport> printer) {
        this.summaryPrinter = printer;
    }

    public DashboardScreens(Reports reports, Supplier<Session> session, TaskRunner tasks, Clock clock,
                            Path exportDirectory, Callable<Path> font, KeyCodeCombination key) {
        this.reports = reports;
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.exportDirectory = exportDirectory;
        this.font = font;
        this.key = key;
    }

    @Override
    public List<TillCommand> commands() {
        return List.of(COMMAND);
    }

    @Override
    public void useKeys(Map<String, KeyCodeCombination> keys) {
        KeyCodeCombination bound = keys.get(COMMAND.settingName());
        if (bound != null) {
            key = bound;
        }
    }

    /** The status bar's entry to the dashboard, with its key. */
    @Override
    public List<Node> statusItems(Messages messages) {
        Button open = new Button(messages.get("report.dash.menu", KeyBindings.label(key)));
        open.setId("dash-open");
        open.setFocusTraversable(false);
        open.setOnAction(e -> {
            if (!isShowing() && open.getScene() != null) {
                open(open.getScene(), messages);
            }
        });
        return List.of(open);
    }

    @Override
    public Optional<Boolean> handleKey(KeyEvent event, Scene target, Messages messages) {
        if (isShowing() && shownView != null && shownView.handleKey(event)) {
            return Optional.of(true);
        }
        return TillExtension.screenKey(event, key, isShowing(), this::close, () -> open(target, messages));
    }

    @Override
    public boolean isShowing() {
        return till != null;
    }

    @Override
    public void setOnClosed(Runnable onClosed) {
        this.onClosed = onClosed;
    }

    /** Shows the dashboard in place of the till and reads the last 7 days. */
    public DashboardViewModel open(Scene target, Messages messages) {
        DashboardViewModel vm = new DashboardViewModel(reports, new ReportDocuments(messages), session, tasks, clock,
                exportDirectory, font);
        vm.setSummaryPrinter(summaryPrinter);
        DashboardView view = new DashboardView(vm, messages, this::close);
        scene = target;
        till = target.getRoot();
        target.setRoot(view.root());
        shown = vm;
        shownView = view;
        vm.refresh();
        return vm;
    }

    /** The dashboard's ViewModel while it shows. */
    public Optional<DashboardViewModel> shown() {
        return Optional.ofNullable(isShowing() ? shown : null);
    }

    public void close() {
        if (till == null) {
            return;
        }
        scene.setRoot(till);
        till = null;
        shown = null;
        Platform.runLater(onClosed);
    }
}
