package org.tongpos.hardware.printer;

import java.io.IOException;

/**
 * A print or drawer command that did not go through, with the reason for the cashier. {@link #mayHavePrinted()} is
 * true once any byte of the job reached the printer: then an automatic resend could print the receipt twice.
 */
public final class PrinterException extends IOException {

    private final boolean mayHavePrinted;

    public PrinterException(String message, boolean mayHavePrinted, Throwable cause) {
        super(message, cause);
        this.mayHavePrinted = mayHavePrinted;
    }

    public boolean mayHavePrinted() {
        return mayHavePrinted;
    }
}
