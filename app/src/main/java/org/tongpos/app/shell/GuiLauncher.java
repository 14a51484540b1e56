package org.tongpos.app.shell;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.ui.BankScreens;
import org.tongpos.app.catalog.service.CatalogService;
import org.tongpos.app.cli.TongPosCommand;
import org.tongpos.app.devices.ui.DeviceTill;
import org.tongpos.app.operators.service.OperatorSetup;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.ui.FxTaskRunner;

/**
 * Starts the cashier window for a data directory (the CLI's "no command"). The JavaFX toolkit starts on its own
 * thread while the database opens, so the two overlap. An empty catalog gets the demo store so a new user can scan
 * at once; on a terminal that has no operators yet, the demo store comes with the demo operators and logs in as the
 * demo cashier ({@code login.auto}), which the screen says. A terminal left without any operator gets the first
 * manager (900, PIN 0000, changed at the first log-in). Logs "ready to scan after N ms" (from JVM start) once the
 * screen shows with the code field focused.
 *
 * <p>System properties for benchmarks and documentation: {@code tongpos.exitWhenReady=true} exits right after that
 * line; {@code tongpos.screenshot=FILE} runs a {@link ScreenshotScript} ({@code tongpos.prescan} steps), saves the
 * window as PNG and exits.
 */
public final class GuiLauncher implements TongPosCommand.GuiStarter {

    public static final int DEMO_PRODUCTS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);

    @Override
    public int start(Path dataDirectory) {
        CountDownLatch toolkitReady = new CountDownLatch(1);
        AtomicReference<Throwable> toolkitFailure = new AtomicReference<>();
        Thread toolkit = new Thread(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(toolkitReady::countDown);
            } catch (RuntimeException | Error e) {
                toolkitFailure.set(e);
                toolkitReady.countDown();
            }
        }, "tongpos-fx-start");
        toolkit.start();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(0);
        AtomicReference<CashierWindow> shown = new AtomicReference<>();
        try (Terminal terminal = Terminal.open(dataDirectory); FxTaskRunner tasks = new FxTaskRunner()) {
            LOG.debug("database open after {} ms", sinceJvmStart());
            loadDemoStoreIfEmpty(terminal.catalog(), terminal);
            terminal.operators().setup().ensureFirstManager();
            Thread warmUp = new Thread(terminal.operators().login()::warmUp, "tongpos-pin-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
            StartupState state = StartupState.load(terminal);
            terminal.saleDevices(); // opens the configured devices here, off the FX thread, while the toolkit starts
            toolkitReady.await();
            if (toolkitFailure.get() != null) {
                LOG.error("cannot open the window (is there a display? the CLI works without one): {}",
                        toolkitFailure.get().getMessage());
                return 1;
            }
            LOG.debug("toolkit ready after {} ms", sinceJvmStart());
            Platform.runLater(() -> {
                try {
                    CashierWindow window = new CashierWindow(terminal, state, tasks);
                    shown.set(window);
                    Map<String, KeyCodeCombination> keys = state.settings().commandKeyBindings();
                    window.addExtension(BankScreens.startFor(terminal.bank(), terminal.clock(),
                            keys.get(SettingKey.KEY_BANK.key())));
                    window.addExtension(DeviceTill.forWindow(terminal, window.viewModel(), window::scanned, keys));
                    show(window, closed);
                } catch (RuntimeException e) {
                    LOG.error("cannot show the cashier window", e);
                    status.set(1);
                    closed.countDown();
                }
            });
            closed.await();
            if (shown.get() != null) {
                shown.get().endSession();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.set(1);
        } finally {
            if (toolkitReady.getCount() == 0 && toolkitFailure.get() == null) {
                Platform.exit();
            }
        }
        return status.get();
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

    private static void show(CashierWindow window, CountDownLatch closed) {
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
        Platform.runLater(() -> ready(window, stage));
    }

    private static void ready(CashierWindow window, Stage stage) {
        if (window.operatorGate().isShowing()) {
            LOG.info("log-in screen shown after {} ms (no automatic log-in)", sinceJvmStart());
        } else {
            boolean focused = stage.getScene().getFocusOwner() == window.view().codeField();
            LOG.info("ready to scan after {} ms (code field focused: {})", sinceJvmStart(), focused);
        }
        if (Boolean.getBoolean("tongpos.exitWhenReady")) {
            stage.hide();
            return;
        }
        ScreenshotScript.fromSystemProperties().ifPresent(script -> script.run(window.viewModel(), stage));
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
