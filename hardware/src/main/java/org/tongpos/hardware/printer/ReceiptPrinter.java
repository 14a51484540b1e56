package org.tongpos.hardware.printer;

import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;

/** A receipt printer with a cash drawer on its kick port. Calls block: run them off the UI thread. */
public interface ReceiptPrinter extends AutoCloseable {

    /** Sends one job (ESC/POS bytes). */
    void print(byte[] job) throws PrinterException;

    void openDrawer() throws PrinterException;

    PrinterStatus queryStatus() throws PrinterException;

    DeviceStatus deviceStatus();

    void addStatusListener(DeviceStatusListener listener);

    PrinterSettings settings();

    @Override
    void close();
}
