package org.tongpos.hardware.scanner;

import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;

/** A barcode/QR scanner of any kind (serial, keyboard wedge, simulator). */
public interface Scanner extends AutoCloseable {

    void addScanListener(ScanListener listener);

    void addStatusListener(DeviceStatusListener listener);

    DeviceStatus status();

    void start();

    @Override
    void close();
}
