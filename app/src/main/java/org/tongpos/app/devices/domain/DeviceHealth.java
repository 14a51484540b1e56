package org.tongpos.app.devices.domain;

import java.util.Objects;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.DeviceStatus;

/**
 * How a device of the terminal is doing, as the status bar and the device screen show it; {@code cause} says why in a
 * form the screen puts in the user's language.
 */
public record DeviceHealth(DeviceKind kind, boolean configured, DeviceState state, DeviceReason cause) {

    public DeviceHealth {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        cause = cause == null ? DeviceReason.NONE : cause;
    }

    public static DeviceHealth notConfigured(DeviceKind kind) {
        return new DeviceHealth(kind, false, DeviceState.DISCONNECTED, DeviceReason.NONE);
    }

    public static DeviceHealth of(DeviceKind kind, DeviceStatus status) {
        return new DeviceHealth(kind, true, status.state(), status.cause());
    }

    /** A configured device whose address could not even be opened (bad address, missing driver). */
    public static DeviceHealth failed(DeviceKind kind, DeviceReason cause) {
        return new DeviceHealth(kind, true, DeviceState.ERROR, cause);
    }

    /** The cause in English, for logs; empty when there is none. */
    public String reason() {
        return cause.text();
    }

    /** True when the cashier should look at it: configured and not working. */
    public boolean needsAttention() {
        return configured && (state == DeviceState.ERROR || state == DeviceState.DISCONNECTED);
    }
}
