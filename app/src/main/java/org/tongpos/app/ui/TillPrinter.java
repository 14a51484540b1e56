package org.tongpos.app.ui;

import java.util.function.Function;
import org.tongpos.hardware.receipt.PaperWidth;

/**
 * The receipt printer as the till's screens use it for what is not a sale's receipt (shift reports, refund slips):
 * the window hands over the terminal's {@code SaleDevices}; ViewModel tests a fake.
 */
public interface TillPrinter {

    /** No printer: nothing prints, reports lay out for 58 mm. */
    TillPrinter NONE = new TillPrinter() {
        @Override
        public boolean print(String jobId, String description, Function<PaperWidth, byte[]> layout,
                             boolean openDrawer) {
            return false;
        }

        @Override
        public PaperWidth paper() {
            return PaperWidth.MM58;
        }
    };

    /** Queues a document laid out for the printer's paper; false when there is no printer. */
    boolean print(String jobId, String description, Function<PaperWidth, byte[]> layout, boolean openDrawer);

    /** The printer's paper (what reports on screen are laid out for too). */
    PaperWidth paper();
}
