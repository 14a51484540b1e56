package org.tongpos.hardware.device;

/** Told about every change of a device's state. Called from the driver's thread: hand over to the UI thread yourself. */
@FunctionalInterface
public interface DeviceStatusListener {
    void statusChanged(DeviceStatus status);
}
