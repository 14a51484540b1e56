package org.tongpos.hardware.printer;

import org.tongpos.hardware.device.Device;

/** A receipt printer with a cash drawer on its kick port. Calls block: run them off the UI thread. */
public interface ReceiptPrinter extends Device {

    /** Sends one job (ESC/POS bytes). */
    void print(byte[] job) throws PrinterException;

    void openDrawer() throws PrinterException;

    PrinterStatus queryStatus() throws PrinterException;

    PrinterSettings settings();
}
