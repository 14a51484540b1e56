package org.tongpos.app.devices.ui;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.ui.TillDevices;
import org.tongpos.app.devices.service.SaleDevices;
import org.tongpos.app.money.domain.Money;
import org.tongpos.hardware.escpos.EscPosRenderer;
import org.tongpos.hardware.scale.WeighResult;

/**
 * The cashier screen's devices, on the terminal's {@link SaleDevices}. A device fault is logged and shown in the
 * device's health; it never reaches the sale.
 */
public final class TillDeviceBridge implements TillDevices {

    private static final Logger LOG = LoggerFactory.getLogger(TillDeviceBridge.class);

    private final SaleDevices sale;

    public TillDeviceBridge(SaleDevices sale) {
        this.sale = sale;
    }

    @Override
    public void itemAdded(CartLine line, Money total) {
        // pieces show their unit price; weighed and scale-priced lines show what they cost
        long price = line.isWeighed() || line.quantity() == 0 ? line.amount().fen() : line.unitPrice().fen();
        guarded("show item", () -> sale.itemAdded(line.product().name(), price));
    }

    @Override
    public void cartChanged(Money total) {
        if (total.isZero()) {
            saleEnded();
        } else {
            guarded("show total", () -> sale.totalDue(total.fen()));
        }
    }

    @Override
    public void totalDue(Money total) {
        guarded("show total", () -> sale.totalDue(total.fen()));
    }

    @Override
    public void paid(CompletedSale completed) {
        guarded("print receipt " + completed.receiptNo(), () -> sale.paid(completed));
    }

    @Override
    public void saleEnded() {
        guarded("clear display", sale::saleEnded);
    }

    @Override
    public Optional<WeighResult> weigh() {
        return call("weigh", sale::weigh, Optional.empty());
    }

    @Override
    public Optional<BufferedImage> receiptImage(CompletedSale completed) {
        return call("draw receipt", () -> sale.lastReceipt()
                .filter(last -> last.receiptNo().equals(completed.receiptNo()))
                .map(last -> new EscPosRenderer(last.paperDots()).render(last.bytes())), Optional.empty());
    }

    @Override
    public boolean reprintLast() {
        return call("reprint", () -> sale.reprintLast().isPresent(), false);
    }

    private static void guarded(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        }, null);
    }

    private static <T> T call(String what, Supplier<T> work, T fallback) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            LOG.error("device step '{}' failed; the sale goes on", what, e);
            return fallback;
        }
    }
}
