package org.tongpos.hardware.scanner;

import org.tongpos.hardware.device.Device;

/** A barcode/QR scanner of any kind (serial, keyboard wedge, simulator). */
public interface Scanner extends Device {

    void addScanListener(ScanListener listener);

    void start();
}
