package org.tongpos.hardware.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's state with the reason a person can act on ("paper out", "connection refused") and when it began.
 */
public record DeviceStatus(String device, DeviceState state, String reason, Instant since) {

    public DeviceStatus {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        reason = reason == null ? "" : reason;
    }

    public boolean isUsable() {
        return state == DeviceState.CONNECTED || state == DeviceState.BUSY;
    }

    @Override
    public String toString() {
        return device + " " + state + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
