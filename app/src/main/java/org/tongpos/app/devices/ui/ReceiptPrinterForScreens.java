package org.tongpos.app.devices.ui;

import java.util.function.Function;
import org.tongpos.app.devices.service.SaleDevices;
import org.tongpos.app.ui.TillPrinter;
import org.tongpos.hardware.receipt.PaperWidth;

/** The terminal's receipt printer for the till's screens (shift reports, refund slips), over {@link SaleDevices}. */
public final class ReceiptPrinterForScreens implements TillPrinter {

    private final SaleDevices devices;

    public ReceiptPrinterForScreens(SaleDevices devices) {
        this.devices = devices;
    }

    @Override
    public boolean print(String jobId, String description, Function<PaperWidth, byte[]> layout, boolean openDrawer) {
        return devices.print(jobId, description, layout, openDrawer);
    }

    @Override
    public PaperWidth paper() {
        return devices.paper();
    }
}
