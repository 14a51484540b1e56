package org.tongpos.app.devices.service;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.checkout.service.SaleReceipts;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.i18n.Messages;
import org.tongpos.hardware.display.CustomerDisplay;
import org.tongpos.hardware.escpos.EscPosRenderer;
import org.tongpos.hardware.printer.PrintJob;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.printer.PrintQueue;
import org.tongpos.hardware.scale.WeighResult;
import org.tongpos.sync.journal.TenderMethod;

/**
 * What the devices do during a sale: the customer display follows it, the receipt prints after payment (the sale is
 * already on disk then), the drawer opens for cash, the scale weighs. Display writes run on a thread of their own
 * and print jobs on the print queue's, so nothing here blocks the caller; a missing device is skipped, a failed one
 * shows in its health and the sale goes on.
 */
public final class SaleDevices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SaleDevices.class);

    private final Devices devices;
    private volatile SaleReceipts receipts;
    private final ExecutorService displayWriter = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "customer-display");
        thread.setDaemon(true);
        return thread;
    });
    private LastReceipt last;

    /** The receipt printed last: its number, description and the very bytes sent. */
    public record LastReceipt(String receiptNo, String description, byte[] bytes, int paperDots) {
    }

    public SaleDevices(Devices devices, SaleReceipts receipts) {
        this.devices = devices;
        this.receipts = receipts;
        saleEnded(); // a blank display, and its state known before the first sale
    }

    /** Receipts from now on in this language (receipts follow the terminal's language setting). */
    public void useLanguage(Messages messages) {
        receipts = receipts.withMessages(messages);
    }

    public void itemAdded(String name, long priceFen) {
        onDisplay(display -> display.showItem(name, priceFen));
    }

    public void totalDue(long totalFen) {
        onDisplay(display -> display.showTotal(totalFen));
    }

    public void saleEnded() {
        onDisplay(CustomerDisplay::clear);
    }

    /**
     * The sale is recorded: show paid and change, queue the receipt (its number is the job id, so the same sale never
     * prints twice by accident), then open the drawer for cash when the printer has one.
     */
    public synchronized LastReceipt paid(CompletedSale sale) {
        long tendered = 0;
        boolean cash = false;
        for (Tender tender : sale.tenders()) {
            tendered += tender.tendered().fen();
            cash |= tender.method() == TenderMethod.CASH;
        }
        long paid = tendered;
        onDisplay(display -> display.showPayment(paid, sale.change().fen()));
        last = new LastReceipt(sale.receiptNo(), "sale " + sale.receiptNo(),
                receipts.encode(sale, devices.config().paper()), devices.config().paper().dots());
        Optional<PrintQueue> queue = devices.printQueue();
        if (queue.isEmpty()) {
            LOG.info("no printer: receipt {} not printed", sale.receiptNo());
            return last;
        }
        queue.get().submit(last.receiptNo(), last.description(), last.bytes());
        if (cash && devices.config().drawer()) {
            queue.get().openDrawer().exceptionally(e -> {
                LOG.warn("cash drawer did not open: {}", e.getMessage());
                return null;
            });
        }
        return last;
    }

    /**
     * Prints a document that is not a sale's receipt (a shift report, a refund slip) on the receipt printer, laid out
     * for its paper by {@code layout}; opens the drawer too when asked (cash paid back) and the printer has one.
     * Returns false when there is no printer. The job id must be new for each document ({@code Z-12}, the refund's
     * txn id): the print queue prints an id once.
     */
    public boolean print(String jobId, String description, java.util.function.Function<PaperWidth, byte[]> layout,
                         boolean openDrawer) {
        Optional<PrintQueue> queue = devices.printQueue();
        if (queue.isEmpty()) {
            LOG.info("no printer: {} not printed", description);
            return false;
        }
        queue.get().submit(jobId, description, layout.apply(devices.config().paper()));
        if (openDrawer && devices.config().drawer()) {
            queue.get().openDrawer().exceptionally(e -> {
                LOG.warn("cash drawer did not open: {}", e.getMessage());
                return null;
            });
        }
        return true;
    }

    /** The paper the receipt printer has (what the screen lays reports out for). */
    public PaperWidth paper() {
        return devices.config().paper();
    }

    public synchronized Optional<LastReceipt> lastReceipt() {
        return Optional.ofNullable(last);
    }

    /** The last receipt drawn as the printer prints it, or empty when nothing was paid yet. */
    public Optional<BufferedImage> lastReceiptImage() {
        return lastReceipt().map(receipt -> new EscPosRenderer(receipt.paperDots()).render(receipt.bytes()));
    }

    /** Prints the last receipt again (a copy, or after a failure); empty when there is none or no printer. */
    public synchronized Optional<PrintJob> reprintLast() {
        if (last == null || devices.printQueue().isEmpty()) {
            return Optional.empty();
        }
        PrintQueue queue = devices.printQueue().get();
        if (queue.job(last.receiptNo()).isEmpty()) {
            // the printer was changed since: the new queue has not seen this receipt yet
            return Optional.of(queue.submit(last.receiptNo(), last.description(), last.bytes()));
        }
        return Optional.of(queue.reprint(last.receiptNo()));
    }

    /** Prints a failed receipt again, on the cashier's request. */
    public Optional<PrintJob> retry(String receiptNo) {
        return devices.printQueue().flatMap(queue -> queue.job(receiptNo).map(job -> queue.retry(receiptNo)));
    }

    /** The scale's stable reading, or empty when no scale is configured (the cashier types the weight then). */
    public Optional<WeighResult> weigh() {
        if (!devices.config().isConfigured(DeviceKind.SCALE)) {
            return Optional.empty();
        }
        return Optional.of(devices.scale().map(scale -> scale.stableWeight()).orElseGet(() ->
                new WeighResult.Refused(WeighResult.Reason.DEVICE_ERROR, devices.health(DeviceKind.SCALE).cause())));
    }

    private void onDisplay(Consumer<CustomerDisplay> update) {
        devices.display().ifPresent(display -> displayWriter.execute(() -> {
            try {
                update.accept(display);
            } catch (RuntimeException e) {
                LOG.warn("customer display update failed: {}", e.getMessage());
            }
        }));
    }

    @Override
    public void close() {
        displayWriter.shutdownNow();
    }
}
