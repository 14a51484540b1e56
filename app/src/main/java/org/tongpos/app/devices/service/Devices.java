package org.tongpos.app.devices.service;

import java.net.URI;
import java.time.Duration;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.devices.domain.DeviceConfig;
import org.tongpos.app.devices.domain.DeviceHealth;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.hardware.DeviceFactory;
import org.tongpos.hardware.card.CardListener;
import org.tongpos.hardware.card.CardReader;
import org.tongpos.hardware.device.Device;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;
import org.tongpos.hardware.display.CustomerDisplay;
import org.tongpos.hardware.face.FaceEventListener;
import org.tongpos.hardware.face.FaceTerminal;
import org.tongpos.hardware.printer.PrintJobListener;
import org.tongpos.hardware.printer.PrintQueue;
import org.tongpos.hardware.printer.ReceiptPrinter;
import org.tongpos.hardware.scale.Scale;
import org.tongpos.hardware.scanner.ScanListener;
import org.tongpos.hardware.scanner.Scanner;

/**
 * The terminal's configured devices, opened and started, with their live state. A device that is not configured or
 * cannot be opened is simply absent (its health says why): nothing here ever throws into a sale. Listeners given to
 * this class survive {@link #reconfigure}: they are attached again to the devices opened for the new addresses.
 * Device listeners are called on the drivers' threads.
 */
public final class Devices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);
    /** How often an idle printer is asked for its status, so "paper out" shows before the next receipt. */
    static final Duration PRINTER_STATUS_INTERVAL = Duration.ofSeconds(15);

    private final DeviceFactory factory;
    private final Clock clock;
    // Drivers call the status listeners on their own threads, sometimes while being closed: those listeners read
    // these concurrent maps and never take the lifecycle lock, so closing a device cannot deadlock with its thread.
    private final Map<DeviceKind, Device> open = new ConcurrentHashMap<>();
    private final Map<DeviceKind, DeviceHealth> health = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private final ScheduledExecutorService statusPoll = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "printer-status-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final List<BiConsumer<DeviceKind, DeviceHealth>> healthListeners = new CopyOnWriteArrayList<>();
    private final List<ScanListener> scanListeners = new CopyOnWriteArrayList<>();
    private final List<PrintJobListener> jobListeners = new CopyOnWriteArrayList<>();
    private final List<CardListener> cardListeners = new CopyOnWriteArrayList<>();
    private final List<FaceEventListener> faceListeners = new CopyOnWriteArrayList<>();
    private volatile DeviceConfig config;
    private volatile PrintQueue queue;
    private boolean closed;

    private Devices(DeviceFactory factory, Clock clock, DeviceConfig config) {
        this.factory = factory;
        this.clock = clock;
        this.config = config;
    }

    /** Opens every configured device; failures become the device's health, never an exception. */
    public static Devices open(DeviceConfig config, DeviceFactory factory, Clock clock) {
        Devices devices = new Devices(factory, clock, config);
        synchronized (devices.lifecycle) {
            for (DeviceKind kind : DeviceKind.values()) {
                devices.openDevice(kind);
            }
        }
        long every = PRINTER_STATUS_INTERVAL.toMillis();
        devices.statusPoll.scheduleWithFixedDelay(devices::pollPrinter, every, every, TimeUnit.MILLISECONDS);
        return devices;
    }

    public DeviceConfig config() {
        return config;
    }

    /** Closes the devices whose address changed and opens the new ones; the others keep running. */
    public void reconfigure(DeviceConfig next) {
        synchronized (lifecycle) {
            DeviceConfig previous = config;
            config = next;
            for (DeviceKind kind : DeviceKind.values()) {
                boolean changed = !previous.address(kind).equals(next.address(kind))
                        || kind == DeviceKind.FACE_TERMINAL && !previous.facePassword().equals(next.facePassword());
                if (changed) {
                    closeDevice(kind);
                    openDevice(kind);
                }
            }
        }
        LOG.info("devices reconfigured: {}", next);
    }

    public Optional<PrintQueue> printQueue() {
        return Optional.ofNullable(queue);
    }

    public Optional<ReceiptPrinter> printer() {
        return device(DeviceKind.PRINTER, ReceiptPrinter.class);
    }

    public Optional<Scanner> scanner() {
        return device(DeviceKind.SCANNER, Scanner.class);
    }

    public Optional<CustomerDisplay> display() {
        return device(DeviceKind.DISPLAY, CustomerDisplay.class);
    }

    public Optional<Scale> scale() {
        return device(DeviceKind.SCALE, Scale.class);
    }

    public Optional<CardReader> cardReader() {
        return device(DeviceKind.CARD_READER, CardReader.class);
    }

    public Optional<FaceTerminal> faceTerminal() {
        return device(DeviceKind.FACE_TERMINAL, FaceTerminal.class);
    }

    private <T> Optional<T> device(DeviceKind kind, Class<T> type) {
        return Optional.ofNullable(open.get(kind)).map(type::cast);
    }

    public DeviceHealth health(DeviceKind kind) {
        return health.get(kind);
    }

    public Map<DeviceKind, DeviceHealth> health() {
        Map<DeviceKind, DeviceHealth> copy = new EnumMap<>(DeviceKind.class);
        copy.putAll(health);
        return copy;
    }

    /** Hears every change of any device's health (on the driver's thread). */
    public void addHealthListener(BiConsumer<DeviceKind, DeviceHealth> listener) {
        healthListeners.add(listener);
    }

    public void removeHealthListener(BiConsumer<DeviceKind, DeviceHealth> listener) {
        healthListeners.remove(listener);
    }

    public void addScanListener(ScanListener listener) {
        scanListeners.add(listener);
    }

    public void addPrintJobListener(PrintJobListener listener) {
        jobListeners.add(listener);
    }

    public void addCardListener(CardListener listener) {
        cardListeners.add(listener);
    }

    public void removeCardListener(CardListener listener) {
        cardListeners.remove(listener);
    }

    public void removePrintJobListener(PrintJobListener listener) {
        jobListeners.remove(listener);
    }

    public void addFaceListener(FaceEventListener listener) {
        faceListeners.add(listener);
    }

    private void openDevice(DeviceKind kind) {
        if (closed) {
            return;
        }
        String address = config.address(kind);
        if (address.isEmpty()) {
            setHealth(kind, DeviceHealth.notConfigured(kind));
            return;
        }
        setHealth(kind, new DeviceHealth(kind, true, DeviceState.DISCONNECTED, DeviceReason.NONE));
        try {
            Device device = create(kind, address);
            open.put(kind, device);
            LOG.info("{} opened at {}", kind.id(), address);
        } catch (RuntimeException e) {
            LOG.warn("{} at {} cannot be opened: {}", kind.id(), address, e.getMessage());
            setHealth(kind, DeviceHealth.failed(kind, DeviceReason.from(e, e.getClass().getSimpleName())));
        }
    }

    private Device create(DeviceKind kind, String address) {
        return switch (kind) {
            case PRINTER -> {
                ReceiptPrinter printer = factory.printer(address);
                printer.addStatusListener(follow(kind, printer));
                queue = new PrintQueue(printer, clock);
                queue.addListener(job -> jobListeners.forEach(l -> l.jobChanged(job)));
                report(kind, printer.status());
                queue.checkStatus();
                yield printer;
            }
            case SCANNER -> {
                Scanner scanner = factory.scanner(address);
                scanner.addStatusListener(follow(kind, scanner));
                scanner.addScanListener(scan -> scanListeners.forEach(l -> l.scanned(scan)));
                scanner.start();
                report(kind, scanner.status());
                yield scanner;
            }
            case DISPLAY -> {
                CustomerDisplay display = factory.display(address);
                display.addStatusListener(follow(kind, display));
                report(kind, display.status());
                yield display;
            }
            case SCALE -> {
                Scale scale = factory.scale(address);
                scale.addStatusListener(follow(kind, scale));
                scale.start();
                report(kind, scale.status());
                yield scale;
            }
            case CARD_READER -> {
                CardReader reader = factory.cardReader(address);
                reader.addStatusListener(follow(kind, reader));
                reader.addCardListener(event -> cardListeners.forEach(l -> l.cardEvent(event)));
                reader.start();
                report(kind, reader.status());
                yield reader;
            }
            case FACE_TERMINAL -> {
                FaceTerminal terminal = faceTerminal(address);
                terminal.addStatusListener(follow(kind, terminal));
                terminal.addListener(event -> faceListeners.forEach(l -> l.faceEvent(event)));
                terminal.start();
                report(kind, terminal.status());
                yield terminal;
            }
        };
    }

    private void pollPrinter() {
        PrintQueue printing = queue;
        if (printing != null) {
            printing.checkStatus(); // the answer reaches the printer's status listener, so the health follows it
        }
    }

    private FaceTerminal faceTerminal(String address) {
        if (address.startsWith("zkteco:")) {
            return factory.zktecoServer(Integer.parseInt(address.substring("zkteco:".length())), clock.getZone());
        }
        if (address.startsWith("hikvision:")) {
            URI uri = URI.create(address.substring("hikvision:".length()));
            String user = uri.getUserInfo() == null ? "admin" : uri.getUserInfo();
            URI base = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
            return factory.hikvision(base, user, config.facePassword());
        }
        return factory.faceTerminal(address);
    }

    /** A status listener that only counts while {@code device} is still the one open for its kind. */
    private DeviceStatusListener follow(DeviceKind kind, Device device) {
        return status -> {
            Device current = open.get(kind);
            if (current == null || current == device) {
                report(kind, status);
            }
        };
    }

    private void report(DeviceKind kind, DeviceStatus status) {
        setHealth(kind, DeviceHealth.of(kind, status));
    }

    private void setHealth(DeviceKind kind, DeviceHealth next) {
        if (next.equals(health.put(kind, next))) {
            return;
        }
        for (BiConsumer<DeviceKind, DeviceHealth> listener : healthListeners) {
            try {
                listener.accept(kind, next);
            } catch (RuntimeException e) {
                LOG.error("device health listener failed", e);
            }
        }
    }

    private void closeDevice(DeviceKind kind) {
        Device device = open.remove(kind);
        PrintQueue printing = queue;
        if (kind == DeviceKind.PRINTER && printing != null) {
            queue = null;
            printing.close();
            return;
        }
        if (device != null) {
            try {
                device.close();
            } catch (RuntimeException e) {
                LOG.warn("{} did not close cleanly: {}", kind.id(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            statusPoll.shutdownNow();
            for (DeviceKind kind : DeviceKind.values()) {
                closeDevice(kind);
            }
        }
    }
}
