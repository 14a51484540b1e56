package org.tongpos.app.devices.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tongpos.app.devices.domain.DeviceHealth;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.devices.service.Devices;
import org.tongpos.app.devices.service.SaleDevices;
import org.tongpos.hardware.printer.PrintJob;
import org.tongpos.hardware.printer.PrintJobState;

/**
 * The status bar's device part: the live health of the till's printer, scanner, display and scale, and the last
 * receipt's print job, with retry and reprint when it failed. Device events arrive on the drivers' threads and are
 * handed to {@code uiThread}. A device that starts or stops needing attention (a printer fault, and its end) is
 * also told to the alert listeners, which pop it up.
 */
public final class DeviceStatusBarViewModel {

    /** The devices a cashier needs to see at a glance. */
    public static final List<DeviceKind> SHOWN = List.of(DeviceKind.PRINTER, DeviceKind.SCANNER, DeviceKind.DISPLAY,
            DeviceKind.SCALE);

    private final SaleDevices sale;
    private final Map<DeviceKind, ObjectProperty<DeviceHealth>> health = new EnumMap<>(DeviceKind.class);
    private final List<Consumer<DeviceHealth>> alertListeners = new CopyOnWriteArrayList<>();
    private final ObjectProperty<PrintJob> receiptJob = new SimpleObjectProperty<>();
    private final BooleanBinding receiptFailed = Bindings.createBooleanBinding(
            () -> receiptJob.get() != null && receiptJob.get().state() == PrintJobState.FAILED, receiptJob);

    public DeviceStatusBarViewModel(Devices devices, SaleDevices sale, Executor uiThread) {
        this.sale = sale;
        for (DeviceKind kind : SHOWN) {
            health.put(kind, new SimpleObjectProperty<>(devices.health(kind)));
        }
        devices.addHealthListener((kind, next) -> {
            if (health.containsKey(kind)) {
                uiThread.execute(() -> changed(kind, next));
            }
        });
        devices.addPrintJobListener(job -> {
            if (isReceipt(job)) {
                uiThread.execute(() -> receiptJob.set(job));
            }
        });
    }

    private void changed(DeviceKind kind, DeviceHealth next) {
        DeviceHealth before = health.get(kind).get();
        health.get(kind).set(next);
        if (before.needsAttention() != next.needsAttention()) {
            alertListeners.forEach(listener -> listener.accept(next));
        }
    }

    /**
     * Called on the UI thread with a device's new health when it starts needing attention ({@link
     * DeviceHealth#needsAttention()}: configured and in fault) or stops needing it.
     */
    public void addAlertListener(Consumer<DeviceHealth> listener) {
        alertListeners.add(listener);
    }

    /** Receipts are numbered by the sale; the device screen's test pages are not the cashier's business here. */
    private boolean isReceipt(PrintJob job) {
        return sale.lastReceipt().map(last -> last.receiptNo().equals(job.id())).orElse(false);
    }

    public ReadOnlyObjectProperty<DeviceHealth> health(DeviceKind kind) {
        return health.get(kind);
    }

    /** The last receipt's print job as it goes (queued, printing, printed, failed); null before the first sale. */
    public ReadOnlyObjectProperty<PrintJob> receiptJob() {
        return receiptJob;
    }

    public BooleanBinding receiptFailed() {
        return receiptFailed;
    }

    /** Prints the failed receipt again. */
    public void retry() {
        PrintJob job = receiptJob.get();
        if (job != null) {
            sale.retry(job.id());
        }
    }

    /** Prints the last receipt again, whatever became of it. */
    public boolean reprint() {
        return sale.reprintLast().isPresent();
    }
}
