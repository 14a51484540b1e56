package org.tongpos.hardware.printer;

import org.tongpos.hardware.device.DeviceIOException;
import org.tongpos.hardware.device.DeviceReason;

/**
 * A print or drawer command that did not go through, with the reason for the cashier. {@link #mayHavePrinted()} is
 * true once any byte of the job reached the printer: then an automatic resend could print the receipt twice.
 */
public final class PrinterException extends DeviceIOException {
    private static final long serialVersionUID = 1L;

    private final boolean mayHavePrinted;

    public PrinterException(DeviceReason reason, boolean mayHavePrinted, Throwable cause) {
        this(reason, reason.text(), mayHavePrinted, cause);
    }

    /** With a message for the logs that says more than the reason does (when it failed, how long it waited). */
    public PrinterException(DeviceReason reason, String message, boolean mayHavePrinted, Throwable cause) {
        super(reason, message, cause);
        this.mayHavePrinted = mayHavePrinted;
    }

    public boolean mayHavePrinted() {
        return mayHavePrinted;
    }
}
