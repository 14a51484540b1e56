package org.tongpos.app.checkout.ui;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.money.domain.Money;
import org.tongpos.hardware.scale.WeighResult;

/**
 * What the till's devices do as the sale goes on: the customer display, the receipt printer and drawer, the scale.
 * The devices feature implements it; {@link #NONE} is a till without devices. Calls come on the FX thread and must
 * return at once (device I/O runs elsewhere); a device that fails never throws into the sale.
 */
public interface TillDevices {

    TillDevices NONE = new TillDevices() {
    };

    /** A line was added or counted up (the last line of the cart). */
    default void itemAdded(CartLine line, Money total) {
    }

    /** A line was removed or its quantity changed: the customer sees the new total (an empty cart clears). */
    default void cartChanged(Money total) {
    }

    /** Payment is being taken for {@code total}. */
    default void totalDue(Money total) {
    }

    /** The sale is on disk: print its receipt, open the drawer for cash, show paid and change. */
    default void paid(CompletedSale sale) {
    }

    /** The sale is over (next sale, or cleared). */
    default void saleEnded() {
    }

    /** The scale's stable weight for a weighed line; empty when there is no scale (the cashier types the weight). */
    default Optional<WeighResult> weigh() {
        return Optional.empty();
    }

    /** The sale's receipt drawn as the printer prints it; empty when the text receipt should be shown instead. */
    default Optional<BufferedImage> receiptImage(CompletedSale sale) {
        return Optional.empty();
    }

    /** Prints the last receipt again; false when there is no printer or no receipt yet. */
    default boolean reprintLast() {
        return false;
    }
}
