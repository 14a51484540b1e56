package org.tongpos.app.devices.domain;

import java.util.Objects;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.DeviceStatus;

/** How a device of the terminal is doing, as the status bar and the device screen show it. */
public record DeviceHealth(DeviceKind kind, boolean configured, DeviceState state, String reason) {

    public DeviceHealth {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    public static DeviceHealth notConfigured(DeviceKind kind) {
        return new DeviceHealth(kind, false, DeviceState.DISCONNECTED, "");
    }

    public static DeviceHealth of(DeviceKind kind, DeviceStatus status) {
        return new DeviceHealth(kind, true, status.state(), status.reason());
    }

    /** A configured device whose address could not even be opened (bad address, missing driver). */
    public static DeviceHealth failed(DeviceKind kind, String reason) {
        return new DeviceHealth(kind, true, DeviceState.ERROR, reason);
    }

    /** True when the cashier should look at it: configured and not working. */
    public boolean needsAttention() {
        return configured && (state == DeviceState.ERROR || state == DeviceState.DISCONNECTED);
    }
}
