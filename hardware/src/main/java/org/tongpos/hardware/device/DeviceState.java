package org.tongpos.hardware.device;

/** What a device is doing, as shown to the cashier. */
public enum DeviceState {
    CONNECTED,
    DISCONNECTED,
    BUSY,
    ERROR
}
