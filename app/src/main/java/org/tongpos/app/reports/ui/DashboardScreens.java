package org.tongpos.app.reports.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCodeCombination;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.reports.service.ReportDocuments;
import org.tongpos.app.reports.service.Reports;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.KeyedScreen;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillExtension;

/**
 * What the cashier window gets from the reports feature: the owner's dashboard on a key (the setting
 * {@code key.reports}, Shift+F9 by default) and on a button in the status bar (the window's menu of screens), shown in
 * place of the till until Esc. Whoever is logged in reads it with their own session: an operator without
 * READ_REPORTS (a cashier) sees the refusal, not figures.
 */
public final class DashboardScreens extends KeyedScreen<DashboardViewModel> {

    public static final TillCommand COMMAND = new TillCommand(SettingKey.KEY_REPORTS.key(), "report.dash.title");

    private final Reports reports;
    private final Supplier<Session> session;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Path exportDirectory;
    private final Callable<Path> font;
    private final List<Link> links = new ArrayList<>();
    private java.util.function.Consumer<org.tongpos.app.reports.domain.SalesReport> summaryPrinter;

    /** Where the dashboard's "print summary" sends a range's report by tender (the receipt printer). */
    public void setSummaryPrinter(java.util.function.Consumer<org.tongpos.app.reports.domain.SalesReport> printer) {
        this.summaryPrinter = printer;
    }

    public DashboardScreens(Reports reports, Supplier<Session> session, TaskRunner tasks, Clock clock,
                            Path exportDirectory, Callable<Path> font, KeyCodeCombination key) {
        super(COMMAND, key);
        this.reports = reports;
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        this.exportDirectory = exportDirectory;
        this.font = font;
    }

    /** A button on the dashboard that opens another owner's screen in its place (the stock screen). */
    private record Link(String id, Function<Messages, String> label, BiConsumer<Scene, Messages> open) {
    }

    /**
     * Adds a button to the dashboard's top bar, labelled in the screen's language, that closes the dashboard and opens
     * another screen in the window (the composition root wires it: the dashboard knows no other feature).
     */
    public void addLink(String id, Function<Messages, String> label, BiConsumer<Scene, Messages> open) {
        links.add(new Link(id, label, open));
    }

    /** The status bar's entry to the dashboard, with its key. */
    @Override
    public List<Node> statusItems(Messages messages) {
        return List.of(TillExtension.screenButton("dash-open", messages.get("report.dash.menu", KeyBindings.label(key())),
                this::isShowing, scene -> open(scene, messages)));
    }

    /** Shows the dashboard in place of the till and reads the last 7 days. */
    @Override
    public DashboardViewModel open(Scene target, Messages messages) {
        DashboardViewModel vm = new DashboardViewModel(reports, new ReportDocuments(messages), session, tasks, clock,
                exportDirectory, font);
        vm.setSummaryPrinter(summaryPrinter);
        List<Node> linkButtons = new ArrayList<>();
        for (Link link : links) {
            Button button = new Button(link.label().apply(messages));
            button.setId(link.id());
            button.setFocusTraversable(false);
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            button.setOnAction(e -> {
                close();
                link.open().accept(target, messages);
            });
            linkButtons.add(button);
        }
        DashboardView view = new DashboardView(vm, messages, this::close, linkButtons);
        show(target, view.root(), vm, view::handleKey);
        vm.refresh();
        return vm;
    }
}
