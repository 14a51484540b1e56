package org.tongpos.app.devices.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.tongpos.app.Terminal;
import org.tongpos.app.checkout.ui.CashierViewModel;
import org.tongpos.app.checkout.ui.KeyBindings;
import org.tongpos.app.devices.domain.DeviceHealth;
import org.tongpos.app.devices.service.DeviceReasonText;
import org.tongpos.app.devices.service.DeviceSettings;
import org.tongpos.app.devices.service.Devices;
import org.tongpos.app.devices.service.SaleDevices;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.service.SettingsService;
import org.tongpos.app.ui.Alerts;
import org.tongpos.app.ui.FxTaskRunner;
import org.tongpos.app.ui.Subscriptions;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.ui.TillCommand;
import org.tongpos.app.ui.TillExtension;

/**
 * What the devices add to the cashier window: the configured serial scanner feeds the sale like a wedge scan, the
 * sale drives display, printer, drawer and scale ({@link TillDeviceBridge}), the status bar shows the devices, the
 * device screen opens on its key (the setting {@code key.devices}, F7 by default) in place of the till until Esc, and
 * the reprint key ({@code key.reprint}, Ctrl+P by default) prints the last receipt again.
 */
public final class DeviceTill implements TillExtension {

    /** Opens (and closes) the device screen. */
    public static final TillCommand SCREEN = new TillCommand(SettingKey.KEY_DEVICES.key(), "devices.open");
    /** Prints the last receipt again. */
    public static final TillCommand REPRINT = new TillCommand(SettingKey.KEY_REPRINT.key(), "checkout.action.reprint");

    private final Devices devices;
    private final DeviceSettings settings;
    private final TaskRunner deviceTasks;
    private final Executor uiThread;
    private final Clock clock;
    private final CashierViewModel till;
    private final SaleDevices sale;
    private final DeviceStatusBarViewModel statusBar;
    private Subscriptions statusSubscriptions = new Subscriptions();
    private Node alertAnchor;
    private Messages alertMessages;
    private Parent tillRoot;
    private DeviceSettingsViewModel screen;
    private Runnable onClosed = () -> { };
    private KeyCodeCombination screenKey;
    private KeyCodeCombination reprintKey;

    /**
     * @param deviceTasks a task runner of the device screen's own (a test waiting for a card must not hold up sales)
     * @param scanned     where serial scans go on the UI thread (the window, which knows when the till is in front)
     * @param keys        the keys of {@link #SCREEN} and {@link #REPRINT} by setting name ({@link #keysFrom});
     *                    {@link #useKeys} changes them
     */
    public DeviceTill(Devices devices, SaleDevices sale, DeviceSettings settings, TaskRunner deviceTasks,
                      Executor uiThread, Clock clock, CashierViewModel till, Consumer<String> scanned,
                      Map<String, KeyCodeCombination> keys) {
        this.screenKey = Objects.requireNonNull(keys.get(SCREEN.settingName()), "no key for " + SCREEN);
        this.reprintKey = Objects.requireNonNull(keys.get(REPRINT.settingName()), "no key for " + REPRINT);
        this.devices = devices;
        this.settings = settings;
        this.deviceTasks = deviceTasks;
        this.uiThread = uiThread;
        this.clock = clock;
        this.till = till;
        this.sale = sale;
        this.statusBar = new DeviceStatusBarViewModel(devices, sale, uiThread);
        statusBar.addAlertListener(this::alert);
        till.useDevices(new TillDeviceBridge(sale));
        devices.addScanListener(scan -> uiThread.execute(() -> {
            if (!isShowing()) {
                scanned.accept(scan.code());
            }
        }));
        // a card on the till's PC/SC reader: a bank card's masked number for the card tender, a member card's UID
        devices.addCardListener(event -> {
            if (event instanceof org.tongpos.hardware.card.CardEvent.Inserted inserted) {
                java.util.Optional<String> masked = inserted.card().cardNumber().map(Object::toString);
                java.util.Optional<String> uid = inserted.card().uid();
                uiThread.execute(() -> {
                    if (!isShowing()) {
                        till.cardRead(masked, uid);
                    }
                });
            }
        });
    }

    /**
     * The device extension for the application's cashier window: FX thread hand-off, and a task runner of its own for
     * device tests. Opens the terminal's devices if they are not open yet: call it off the FX thread.
     */
    public static DeviceTill forWindow(Terminal terminal, CashierViewModel till, Consumer<String> scanned) {
        return forWindow(terminal, till, scanned, keysFrom(terminal.settings()));
    }

    /** As above, with the keys already read (by setting name, as {@link #keysFrom} gives them). */
    public static DeviceTill forWindow(Terminal terminal, CashierViewModel till, Consumer<String> scanned,
                                       Map<String, KeyCodeCombination> keys) {
        Devices devices = terminal.devices();
        return new DeviceTill(devices, terminal.saleDevices(), new DeviceSettings(terminal.settings(), devices),
                new FxTaskRunner(), Platform::runLater, terminal.clock(), till, scanned, keys);
    }

    /**
     * The stored keys of the device screen and of reprinting (database work); a key that is not usable falls back to
     * its default. The window checks them against its other keys again in {@link #useKeys}.
     */
    public static Map<String, KeyCodeCombination> keysFrom(SettingsService settings) {
        Map<String, KeyCodeCombination> keys = new HashMap<>();
        for (SettingKey setting : List.of(SettingKey.KEY_DEVICES, SettingKey.KEY_REPRINT)) {
            keys.put(setting.key(), KeyBindings.parse(settings.get(setting))
                    .or(() -> KeyBindings.parse(setting.defaultValue())).orElseThrow());
        }
        return keys;
    }

    @Override
    public List<TillCommand> commands() {
        return List.of(SCREEN, REPRINT);
    }

    @Override
    public void useKeys(Map<String, KeyCodeCombination> keys) {
        screenKey = keys.getOrDefault(SCREEN.settingName(), screenKey);
        reprintKey = keys.getOrDefault(REPRINT.settingName(), reprintKey);
    }

    public DeviceStatusBarViewModel statusBar() {
        return statusBar;
    }

    @Override
    public List<Node> statusItems(Messages messages) {
        // asked whenever the till is drawn, also after a change of language: receipts follow it
        sale.useLanguage(messages);
        statusSubscriptions.cancelAll();
        statusSubscriptions = new Subscriptions();
        List<Node> items = new java.util.ArrayList<>(DeviceStatusBar.items(statusBar, messages, statusSubscriptions));
        Button devicesButton = TillExtension.screenButton("status-devices", messages.get("checkout.action.keyed",
                KeyBindings.label(screenKey), messages.get("devices.open")), () -> tillRoot != null,
                scene -> open(scene, messages));
        items.add(devicesButton);
        alertAnchor = devicesButton;
        alertMessages = messages;
        return items;
    }

    /** Pops up a device that went into fault ("打印机故障：缺纸") or works again. */
    private void alert(DeviceHealth health) {
        if (alertMessages == null) {
            return;
        }
        String name = alertMessages.get(DeviceSettingsView.nameKey(health.kind()));
        if (health.needsAttention()) {
            String reason = DeviceReasonText.text(health.cause(), alertMessages);
            Alerts.show(alertAnchor, name, alertMessages.get("devices.alert.fault", name, reason), true);
        } else {
            Alerts.show(alertAnchor, name, alertMessages.get("devices.alert.back", name), false);
        }
    }

    @Override
    public Optional<Boolean> handleKey(KeyEvent event, Scene scene, Messages messages) {
        if (tillRoot != null) {
            if (event.getCode() == KeyCode.ESCAPE || screenKey.match(event)) {
                close(scene);
                return Optional.of(true);
            }
            return Optional.of(false);
        }
        if (screenKey.match(event)) {
            open(scene, messages);
            return Optional.of(true);
        }
        if (reprintKey.match(event)) {
            till.reprintLast();
            return Optional.of(true);
        }
        return Optional.empty();
    }

    private void open(Scene scene, Messages messages) {
        tillRoot = scene.getRoot();
        screen = new DeviceSettingsViewModel(devices, settings, deviceTasks, uiThread, clock);
        DeviceSettingsView view = new DeviceSettingsView(screen, messages, KeyBindings.label(screenKey),
                () -> close(scene));
        StackPane page = new StackPane(view.root());
        page.setId("device-screen");
        page.getStyleClass().addAll("cashier-root", "device-screen");
        page.getStylesheets().addAll(tillRoot.getStylesheets());
        page.setStyle(tillRoot.getStyle());
        scene.setRoot(page);
        Node first = view.root().lookup(".settings-first");
        if (first != null) {
            first.requestFocus();
        }
    }

    private void close(Scene scene) {
        if (tillRoot == null) {
            return;
        }
        screen.dispose();
        scene.setRoot(tillRoot);
        tillRoot = null;
        screen = null;
        onClosed.run();
    }

    @Override
    public boolean isShowing() {
        return tillRoot != null;
    }

    @Override
    public void setOnClosed(Runnable closed) {
        this.onClosed = closed;
    }
}
