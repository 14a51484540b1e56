package org.tongpos.app.shell;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankConnection;
import org.tongpos.app.backup.service.BackupSchedule;
import org.tongpos.app.backup.service.Backups;
import org.tongpos.app.backup.ui.BackupStatusBar;
import org.tongpos.app.bank.ui.BankScreens;
import org.tongpos.app.canteen.ui.ServingLine;
import org.tongpos.app.canteen.ui.ServingLineViewModel;
import org.tongpos.app.canteen.ui.ServingSounds;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.cli.TongPosCommand;
import org.tongpos.app.devices.ui.DeviceTill;
import org.tongpos.app.kitchen.ui.StockScreen;
import org.tongpos.app.devices.ui.ReceiptPrinterForScreens;
import org.tongpos.app.returns.ui.ReturnTill;
import org.tongpos.app.shifts.ui.ShiftTill;
import org.tongpos.app.suspend.ui.SuspendTill;
import org.tongpos.app.ui.TillPrinter;
import org.tongpos.app.logging.TerminalLogging;
import org.tongpos.app.operators.service.OperatorSetup;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.operators.ui.OperatorGate;
import org.tongpos.app.reports.service.PdfExport;
import org.tongpos.app.reports.ui.DashboardScreens;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.storage.DirectoryLock;
import org.tongpos.app.ui.FxTaskRunner;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.hardware.sim.SimulatedCardReader;
import org.tongpos.hardware.sim.SimulatedFaceTerminal;

/**
 * Starts the cashier window for a data directory (the CLI's "no command"). The window owns the directory while it is
 * open ({@link DirectoryLock}); a second start brings it to the front ({@link SecondStart}). The JavaFX toolkit starts
 * on its own thread while the database opens, so the two overlap. An empty catalog gets the demo store so a new user
 * can scan at once; on a terminal that has no operators yet, the demo store comes with the demo operators and logs in
 * as the demo cashier ({@code login.auto}), which the screen says. A terminal left without any operator gets the
 * first manager (900, PIN 0000, changed at the first log-in). Logs "ready to scan after N ms" (from JVM start) once
 * the screen shows with the code field focused; the catalog is loaded into memory after that, in the background
 * (scans meanwhile are indexed queries).
 *
 * <p>System properties for benchmarks and documentation: {@code tongpos.exitWhenReady=true} exits once the catalog
 * is in memory after that line; {@code tongpos.firstScan=CODE} scans CODE as soon as the till is ready and logs what it
 * found; {@code tongpos.rush=FILE} runs a {@link CanteenRush} on the serving line;
 * {@code tongpos.screenshot=FILE} runs a {@link ScreenshotScript} ({@code tongpos.prescan} steps), saves the
 * window as PNG and exits.
 */
public final class GuiLauncher implements TongPosCommand.GuiStarter {

    public static final int DEMO_PRODUCTS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);
    /** The daily backup's first check, once the till has long started (it may make a backup). */
    private static final java.time.Duration FIRST_BACKUP_CHECK = java.time.Duration.ofMinutes(2);

    /**
     * Starts the JavaFX toolkit now, on its own thread, for a process that will show the window ({@code Main}, before
     * the command line is parsed): its start then overlaps everything before the window is built.
     */
    public static void prestart() {
        FxToolkit.start();
    }

    @Override
    public int start(Path dataDirectory) {
        Optional<DirectoryLock> lock = DirectoryLock.tryAcquire(dataDirectory, DirectoryLock.Holder.WINDOW);
        if (lock.isEmpty()) {
            return SecondStart.handle(dataDirectory, GuiLauncher::showDialog);
        }
        TerminalLogging.logToFilesSoon(dataDirectory);
        try (DirectoryLock owned = lock.get(); SingleWindow single = listenForSecondStarts(owned)) {
            return startWindow(dataDirectory, owned, single);
        }
    }

    private static SingleWindow listenForSecondStarts(DirectoryLock owned) {
        try {
            SingleWindow single = SingleWindow.listen();
            owned.describe("", single.port(), single.token());
            return single;
        } catch (IOException e) {
            LOG.warn("a second start will not find this window (cannot listen on loopback: {})", e.getMessage());
            return null;
        }
    }

    private int startWindow(Path dataDirectory, DirectoryLock owned, SingleWindow single) {
        FxToolkit toolkit = FxToolkit.start();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(0);
        AtomicReference<CashierWindow> shown = new AtomicReference<>();
        try (Terminal terminal = Terminal.open(dataDirectory); FxTaskRunner tasks = new FxTaskRunner()) {
            LOG.debug("database open after {} ms", sinceJvmStart());
            if (single != null) {
                owned.describe(terminal.settings().get(SettingKey.LOCALE), single.port(), single.token());
            }
            loadDemoStoreIfEmpty(terminal.catalog(), terminal);
            terminal.operators().setup().ensureFirstManager();
            StartupState state = StartupState.load(terminal);
            BankConnection bank = terminal.bank();
            terminal.saleDevices(); // opens the configured devices here, off the FX thread, while the toolkit starts
            boolean canteenMode = "canteen".equals(terminal.settings().get(SettingKey.TERMINAL_MODE));
            Optional<Throwable> toolkitFailure = toolkit.await();
            if (toolkitFailure.isPresent()) {
                LOG.error("cannot open the window (is there a display? the CLI works without one): {}",
                        toolkitFailure.get().getMessage());
                return 1;
            }
            LOG.debug("toolkit ready after {} ms", sinceJvmStart());
            BackupStatusBar backupBar = new BackupStatusBar(terminal.clock().getZone(), Platform::runLater);
            BackupSchedule.Running backups = terminal.backupSchedule().start(FIRST_BACKUP_CHECK, backupBar::show);
            if (single != null) {
                single.onBackup(file -> backupAsked(terminal, file));
                single.onPromoImport(request -> PromoImportAnswer.answer(terminal, request));
            }
            Platform.runLater(() -> {
                try {
                    CashierWindow window = new CashierWindow(terminal, state, tasks);
                    shown.set(window);
                    Map<String, KeyCodeCombination> keys = state.settings().commandKeyBindings();
                    // the stock screen first: while it shows, its F9 (export) and F7 are its own, not the keys of the
                    // bank's and the device screens added after it (a key goes to the first extension that takes it)
                    StockScreen stock = new StockScreen(terminal.kitchen(), window.operatorGate()::current,
                            new FxTaskRunner(), terminal.clock(), terminal.database().directory().resolve("exports"),
                            keys.get(SettingKey.KEY_STOCK.key()));
                    window.addExtension(stock);
                    window.addExtension(BankScreens.startFor(bank, terminal.clock(),
                            keys.get(SettingKey.KEY_BANK.key())));
                    window.addExtension(DeviceTill.forWindow(terminal, window.viewModel(), window::scanned, keys));
                    DashboardScreens dashboard = new DashboardScreens(terminal.reports(),
                            window.operatorGate()::current, new FxTaskRunner(), terminal.clock(),
                            terminal.database().directory().resolve("exports"), PdfExport::defaultFont,
                            keys.get(SettingKey.KEY_REPORTS.key()));
                    dashboard.setSummaryPrinter(report -> terminal.devices().printQueue()
                            .orElseThrow(() -> new IllegalStateException(terminal.messages().get("report.dash.noPrinter")))
                            .submit("report-" + report.range() + "-" + System.nanoTime(), "sales summary",
                                    new org.tongpos.app.reports.service.DaySummaryPrint(terminal.messages(),
                                            terminal.storeName()).encode(report, terminal.receiptPaper())));
                    window.addExtension(dashboard);
                    dashboard.addLink("dash-stock", stock::menuText, stock::open);
                    window.addExtension(backupBar);
                    // the line's search and refund keys are the till's search and return keys
                    Map<String, KeyCodeCombination> lineKeys = new HashMap<>(keys);
                    lineKeys.put(SettingKey.KEY_SEARCH.key(),
                            state.settings().keyBindings().key(CashierAction.SEARCH));
                    ServingLine line = canteenMode ? servingLine(terminal, window, tasks, lineKeys) : null;
                    if (line != null) {
                        window.addExtension(line);
                    } else {
                        // the till's shift, suspend and return screens (docs/till.md); not on the serving line
                        TillPrinter printer = new ReceiptPrinterForScreens(terminal.saleDevices());
                        ShiftTill shifts = ShiftTill.forWindow(terminal, window.viewModel(), window.operatorGate(),
                                tasks, printer, keys);
                        window.addExtension(shifts);
                        window.addExtension(SuspendTill.forWindow(terminal, window.viewModel(), window.operatorGate(),
                                tasks, keys));
                        window.addExtension(ReturnTill.forWindow(terminal, window.viewModel(), window.operatorGate(),
                                tasks, printer, shifts.viewModel()::readyToSell, keys));
                        window.addExtension(org.tongpos.app.promoscreen.ui.PromotionsTill.forWindow(terminal,
                                window.viewModel(), window.operatorGate(), tasks, keys));
                    }
                    Stage stage = show(window, closed);
                    if (single != null) {
                        single.onShow(() -> Platform.runLater(() -> toFront(stage)));
                    }
                    Platform.runLater(() -> {
                        ready(window, stage, terminal.catalog(), simulatedDevices(terminal), line);
                        warmUpPins(terminal);
                    });
                } catch (RuntimeException e) {
                    LOG.error("cannot show the cashier window", e);
                    status.set(1);
                    closed.countDown();
                }
            });
            closed.await();
            backups.close();
            if (shown.get() != null) {
                shown.get().endSession();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.set(1);
        } finally {
            if (toolkit.running()) {
                Platform.exit();
            }
        }
        return status.get();
    }

    /** A backup a command asked for while the window owns the directory ({@code backup create}). */
    static String backupAsked(Terminal terminal, Path file) {
        try {
            Backups backups = terminal.backups();
            return "ok " + backups.create(file.toString().isEmpty() ? backups.fileIn(backups.folder()) : file).file();
        } catch (RuntimeException e) {
            return "failed " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }

    /**
     * The canteen's serving line ({@code terminal.mode canteen}), in front from the start; the meal card reader and
     * the face terminal feed it.
     */
    static ServingLine servingLine(Terminal terminal, CashierWindow window, TaskRunner tasks,
                                   Map<String, KeyCodeCombination> keys) {
        OperatorGate gate = window.operatorGate();
        ServingLineViewModel vm = new ServingLineViewModel(terminal.canteen(), tasks, gate::current,
                terminal.clock(), new ApprovalViewModel(terminal.operators().approvals(), tasks,
                terminal.clock().getZone()));
        ServingLine line = new ServingLine(vm, () -> Optional.ofNullable(gate.session().get()),
                ServingSounds.tones(), keys);
        line.listenTo(terminal.devices(), Platform::runLater);
        LOG.info("canteen mode (terminal.mode): the window opens the serving line");
        return line;
    }

    /** The screenshot script's device steps: {@code card:UID} and {@code face:ID} on the simulators, when configured. */
    private static Map<String, Consumer<String>> simulatedDevices(Terminal terminal) {
        Map<String, Consumer<String>> steps = new HashMap<>();
        terminal.devices().cardReader().filter(SimulatedCardReader.class::isInstance)
                .map(SimulatedCardReader.class::cast).ifPresent(reader -> steps.put("card", uid -> {
                    reader.presentMealCard(uid);
                    reader.removeCard();
                }));
        terminal.devices().faceTerminal().filter(SimulatedFaceTerminal.class::isInstance)
                .map(SimulatedFaceTerminal.class::cast).ifPresent(face -> steps.put("face", face::recognise));
        return steps;
    }

    /** The dialog of a second start that no running window answered. */
    private static void showDialog(String title, String text) {
        CountDownLatch shown = new CountDownLatch(1);
        try {
            Optional<Throwable> failure = FxToolkit.start().await();
            if (failure.isPresent()) {
                LOG.error("cannot show the dialog (is there a display?): {}", text);
                return;
            }
            Platform.runLater(() -> {
                Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
                alert.setTitle(title);
                alert.setHeaderText(title);
                alert.showAndWait();
                shown.countDown();
            });
            shown.await();
            Platform.exit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes the first PIN check as fast as the next ones (LoginService#warmUp), once the till shows: before, its
     * hashing took a core from the window's start on a two-core till.
     */
    private static void warmUpPins(Terminal terminal) {
        Thread warmUp = new Thread(terminal.operators().login()::warmUp, "tongpos-pin-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static void toFront(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    private static void loadDemoStoreIfEmpty(CatalogService catalog, Terminal terminal) {
        if (catalog.size() == 0) {
            catalog.save(terminal.demoCatalog().products(DEMO_PRODUCTS));
            LOG.info("empty catalog: loaded the demo store ({} products)", catalog.size());
            if (terminal.operators().setup().hasNoOperators()) {
                terminal.operators().setup().installDemoOperators(terminal.systemSession());
                terminal.settings().set(SettingKey.LOGIN_AUTO, OperatorSetup.DEMO_CASHIER);
                LOG.info("no operators: created the demo operators; logging in automatically as {} (login.auto)",
                        OperatorSetup.DEMO_CASHIER);
            }
        }
    }

    private static Stage show(CashierWindow window, CountDownLatch closed) {
        LOG.debug("building the window after {} ms", sinceJvmStart());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Stage stage = new Stage();
        Scene scene = window.createScene(Math.min(screen.getWidth(), 1920), Math.min(screen.getHeight(), 1080));
        stage.setScene(scene);
        stage.setTitle(window.title());
        stage.setOnHidden(e -> closed.countDown());
        LOG.debug("scene built after {} ms", sinceJvmStart());
        stage.show();
        window.view().codeField().requestFocus();
        return stage;
    }

    /**
     * The till is ready: scanning works (from the database until the catalog is in memory), and the in-memory index
     * of the catalog is built now, on a thread of its own, so that nothing before the first scan waits for it.
     */
    private static void ready(CashierWindow window, Stage stage, CatalogService catalog,
                              Map<String, Consumer<String>> devices, ServingLine servingLine) {
        if (window.operatorGate().isShowing()) {
            LOG.info("log-in screen shown after {} ms (no automatic log-in)", sinceJvmStart());
        } else {
            long since = sinceJvmStart();
            boolean focused = stage.getScene().getFocusOwner() == window.view().codeField();
            LOG.info("ready to scan after {} ms (code field focused: {}; CPU {} ms)", since, focused, processCpuMillis());
        }
        boolean exitWhenReady = Boolean.getBoolean("tongpos.exitWhenReady");
        Thread indexer = new Thread(() -> {
            try {
                catalog.buildIndex();
                LOG.info("catalog index ready after {} ms", sinceJvmStart());
            } catch (RuntimeException e) {
                LOG.warn("the catalog index was not built (lookups stay on the database): {}", e.toString());
            }
            if (exitWhenReady) {
                Platform.runLater(stage::hide);
            }
        }, "tongpos-catalog-index");
        indexer.setDaemon(true);
        indexer.start();
        String firstScan = System.getProperty("tongpos.firstScan", "");
        if (!firstScan.isBlank()) {
            firstScan(window.viewModel(), firstScan.strip(), catalog);
        }
        if (exitWhenReady) {
            return;
        }
        Optional<CanteenRush> rush = servingLine == null ? Optional.empty() : CanteenRush.fromSystemProperties();
        if (rush.isPresent()) {
            rush.get().run(servingLine, devices, stage);
            return;
        }
        ScreenshotScript.fromSystemProperties().ifPresent(script -> script.run(window.viewModel(), window::scanned,
                devices, stage));
    }

    /** A benchmark's first scan as the window shows ({@code tongpos.firstScan=CODE}): what it found, and when. */
    private static void firstScan(CashierViewModel vm, String code, CatalogService catalog) {
        boolean fromMemory = catalog.indexReady();
        long start = System.nanoTime();
        vm.scanned(code);
        long micros = (System.nanoTime() - start) / 1000;
        String found = vm.lines().isEmpty() ? String.valueOf(vm.notice().get())
                : vm.lines().get(vm.lines().size() - 1).product().name();
        LOG.info("first scan of {} after {} ms took {} us ({}): {}", code, sinceJvmStart(), micros,
                fromMemory ? "catalog in memory" : "indexed query", found);
    }

    /**
     * CPU time of every thread of the process so far (user and system), -1 where the system does not say.
     * ProcessHandle lives in java.base; com.sun.management is not in the installer's trimmed runtime.
     */
    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
