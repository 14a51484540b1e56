package org.tongpos.app.devices.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tongpos.app.devices.domain.AddressParameters;
import org.tongpos.app.devices.domain.DeviceConfig;
import org.tongpos.app.devices.domain.DeviceHealth;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.devices.service.DeviceSettings;
import org.tongpos.app.devices.service.Devices;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.hardware.card.CardEvent;
import org.tongpos.hardware.card.CardListener;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.display.CustomerDisplay;
import org.tongpos.hardware.printer.PrintJob;
import org.tongpos.hardware.printer.PrintJobState;
import org.tongpos.hardware.printer.PrintQueue;
import org.tongpos.hardware.receipt.TestPage;
import org.tongpos.hardware.scale.Scale;
import org.tongpos.hardware.scale.WeighResult;

/**
 * The device screen's state and decisions: per device its address (with baud rate and scanner suffix as fields of
 * their own), the receipt paper, the drawer, each device's live health, and the test buttons. Tests use the devices
 * as they are open now, so a changed address is saved before it is tried. Device work runs through the
 * {@link TaskRunner}; health changes arrive on the drivers' threads and are handed to {@code uiThread}.
 */
public final class DeviceSettingsViewModel {

    /** How long "read a card" waits for one. */
    public static final Duration CARD_WAIT = Duration.ofSeconds(15);
    private static final Duration PRINT_WAIT = Duration.ofSeconds(20);

    private final Devices devices;
    private final DeviceSettings settings;
    private final TaskRunner tasks;
    private final Executor uiThread;
    private final Clock clock;
    private final Map<DeviceKind, StringProperty> addresses = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, StringProperty> bauds = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, ObjectProperty<DeviceHealth>> health = new EnumMap<>(DeviceKind.class);
    private final StringProperty suffix = new SimpleStringProperty("");
    private final StringProperty paper = new SimpleStringProperty("58");
    private final StringProperty columns = new SimpleStringProperty("32");
    private final BooleanProperty drawer = new SimpleBooleanProperty(true);
    private final StringProperty facePassword = new SimpleStringProperty("");
    private final StringProperty displayText = new SimpleStringProperty("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final BlockingQueue<CardEvent> cards = new LinkedBlockingQueue<>();
    private final BiConsumer<DeviceKind, DeviceHealth> healthListener;
    private final CardListener cardListener = event -> {
        if (!(event instanceof CardEvent.Removed)) {
            cards.offer(event);
        }
    };
    private int testPages;

    public DeviceSettingsViewModel(Devices devices, DeviceSettings settings, TaskRunner tasks, Executor uiThread,
                                   Clock clock) {
        this.devices = devices;
        this.settings = settings;
        this.tasks = tasks;
        this.uiThread = uiThread;
        this.clock = clock;
        for (DeviceKind kind : DeviceKind.values()) {
            addresses.put(kind, new SimpleStringProperty(""));
            bauds.put(kind, new SimpleStringProperty(""));
            health.put(kind, new SimpleObjectProperty<>(devices.health(kind)));
        }
        load(devices.config());
        healthListener = (kind, next) -> uiThread.execute(() -> health.get(kind).set(next));
        devices.addHealthListener(healthListener);
        devices.addCardListener(cardListener);
    }

    private void load(DeviceConfig config) {
        for (DeviceKind kind : DeviceKind.values()) {
            String address = config.address(kind);
            bauds.get(kind).set(kind.mayBeSerial() && address.startsWith("serial:")
                    ? AddressParameters.get(address, "baud") : "");
            address = AddressParameters.with(address, "baud", "");
            if (kind == DeviceKind.SCANNER) {
                suffix.set(AddressParameters.get(address, "suffix"));
                address = AddressParameters.with(address, "suffix", "");
            }
            addresses.get(kind).set(address);
        }
        paper.set(Integer.toString(config.paperMillimetres()));
        columns.set(Integer.toString(config.columns()));
        drawer.set(config.drawer());
        facePassword.set(config.facePassword());
    }

    /** The address without baud rate and suffix, which have fields of their own. */
    public StringProperty address(DeviceKind kind) {
        return addresses.get(kind);
    }

    /** The baud rate of a serial device; empty for the default (9600). */
    public StringProperty baud(DeviceKind kind) {
        return bauds.get(kind);
    }

    /** The scanner's line end: CR, LF, CRLF, or empty for the default (CR). */
    public StringProperty suffix() {
        return suffix;
    }

    public StringProperty paper() {
        return paper;
    }

    public StringProperty columns() {
        return columns;
    }

    public BooleanProperty drawer() {
        return drawer;
    }

    public StringProperty facePassword() {
        return facePassword;
    }

    public StringProperty displayText() {
        return displayText;
    }

    public ReadOnlyObjectProperty<DeviceHealth> health(DeviceKind kind) {
        return health.get(kind);
    }

    public ObjectProperty<Notice> notice() {
        return notice;
    }

    public ReadOnlyBooleanProperty working() {
        return working;
    }

    /** The configuration the fields describe, or empty (with the reason in the notice) when a field is wrong. */
    public Optional<DeviceConfig> edited() {
        Map<DeviceKind, String> chosen = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            String address = addresses.get(kind).get().strip();
            String baud = bauds.get(kind).get().strip();
            if (!baud.isEmpty() && !baud.matches("[1-9]\\d{2,6}")) {
                notice.set(Notice.error("devices.invalidBaud", new Notice.Key(DeviceSettingsView.nameKey(kind)), baud));
                return Optional.empty();
            }
            if (address.startsWith("serial:")) {
                address = AddressParameters.with(address, "baud", baud);
                if (kind == DeviceKind.SCANNER) {
                    address = AddressParameters.with(address, "suffix", suffix.get());
                }
            }
            Optional<String> problem = DeviceSettings.problem(kind, address);
            if (problem.isPresent()) {
                notice.set(Notice.error("devices.invalidAddress", new Notice.Key(DeviceSettingsView.nameKey(kind)),
                        problem.get()));
                return Optional.empty();
            }
            chosen.put(kind, address);
        }
        if (!paper.get().matches("58|80") || !columns.get().matches("32|42|48")) {
            notice.set(Notice.error("devices.invalidPaper"));
            return Optional.empty();
        }
        return Optional.of(new DeviceConfig(chosen, Integer.parseInt(paper.get()), Integer.parseInt(columns.get()),
                drawer.get(), facePassword.get()));
    }

    /** Saves the fields and reopens the devices whose address changed. */
    public void save() {
        Optional<DeviceConfig> config = edited();
        if (config.isEmpty()) {
            return;
        }
        run(() -> {
            settings.save(config.get());
            return Notice.info("devices.saved");
        });
    }

    /** Prints the test page on the printer as saved (through its queue, like a receipt). */
    public void printTestPage() {
        Optional<PrintQueue> queue = devices.printQueue();
        if (queue.isEmpty()) {
            notice.set(Notice.error("devices.test.noDevice", new Notice.Key(DeviceSettingsView.nameKey(DeviceKind.PRINTER))));
            return;
        }
        String jobId = "test-page-" + clock.instant().toEpochMilli() + "-" + (++testPages);
        byte[] page = TestPage.encode(devices.config().paper(), LocalDateTime.now(clock), false);
        run(() -> {
            queue.get().submit(jobId, "test page", page);
            PrintJob job = queue.get().await(jobId, PRINT_WAIT);
            if (job.state() == PrintJobState.PRINTED) {
                return Notice.info("devices.test.printed");
            }
            return job.cause().isNone() ? Notice.error("devices.test.printFailed", job.state())
                    : DeviceNotices.error("devices.test.printFailed", job.cause());
        });
    }

    public void openDrawer() {
        Optional<PrintQueue> queue = devices.printQueue();
        if (queue.isEmpty()) {
            notice.set(Notice.error("devices.test.noDevice", new Notice.Key(DeviceSettingsView.nameKey(DeviceKind.PRINTER))));
            return;
        }
        run(() -> {
            queue.get().openDrawer().get(PRINT_WAIT.toSeconds(), TimeUnit.SECONDS);
            return Notice.info("devices.test.drawerOpened");
        });
    }

    /** Waits (in the background) for the next card on the reader and shows its UID or masked number. */
    public void readCard() {
        if (devices.cardReader().isEmpty()) {
            notice.set(Notice.error("devices.test.noDevice",
                    new Notice.Key(DeviceSettingsView.nameKey(DeviceKind.CARD_READER))));
            return;
        }
        cards.clear();
        notice.set(Notice.info("devices.test.presentCard", CARD_WAIT.toSeconds()));
        run(() -> {
            CardEvent event = cards.poll(CARD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event instanceof CardEvent.Inserted inserted) {
                return inserted.card().cardNumber().map(n -> Notice.info("devices.test.bankCard", n.toString()))
                        .orElseGet(() -> Notice.info("devices.test.cardUid", inserted.card().uid().orElse("?")));
            }
            if (event instanceof CardEvent.Unreadable unreadable) {
                return Notice.error("devices.test.cardUnreadable", unreadable.reason());
            }
            return Notice.error("devices.test.noCard", CARD_WAIT.toSeconds());
        });
    }

    public void showOnDisplay() {
        Optional<CustomerDisplay> display = devices.display();
        if (display.isEmpty()) {
            notice.set(Notice.error("devices.test.noDevice", new Notice.Key(DeviceSettingsView.nameKey(DeviceKind.DISPLAY))));
            return;
        }
        String text = displayText.get().isBlank() ? "TongPOS" : displayText.get();
        run(() -> {
            display.get().showLines(text, "");
            return display.get().status().isUsable() ? Notice.info("devices.test.shown")
                    : DeviceNotices.error("devices.test.failed", display.get().status().cause());
        });
    }

    public void readScale() {
        Optional<Scale> scale = devices.scale();
        if (scale.isEmpty()) {
            notice.set(Notice.error("devices.test.noDevice", new Notice.Key(DeviceSettingsView.nameKey(DeviceKind.SCALE))));
            return;
        }
        WeighResult result = scale.get().stableWeight();
        if (result instanceof WeighResult.Weighed weighed) {
            notice.set(Notice.info("devices.test.weight", weighed.grams()));
        } else if (result instanceof WeighResult.Refused refused) {
            notice.set(DeviceNotices.error("devices.test.weightRefused", refused.cause()));
        }
    }

    private void run(java.util.concurrent.Callable<Notice> work) {
        working.set(true);
        tasks.run(work, result -> {
            working.set(false);
            notice.set(result);
        }, failure -> {
            working.set(false);
            notice.set(DeviceNotices.error("devices.test.failed", DeviceReason.from(failure, reason(failure))));
        });
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof java.util.concurrent.ExecutionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Stops listening to the devices; the screen is closed. */
    public void dispose() {
        devices.removeHealthListener(healthListener);
        devices.removeCardListener(cardListener);
    }
}
