package org.tongpos.hardware.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's state with the reason a person can act on (paper out, connection refused) and when it began. The reason
 * is a {@link DeviceReason}, so the app can say it in the user's language; {@link #reason()} is its English text.
 */
public record DeviceStatus(String device, DeviceState state, DeviceReason cause, Instant since) {

    public DeviceStatus {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        cause = cause == null ? DeviceReason.NONE : cause;
    }

    /** The reason in English, for logs; empty when there is none. */
    public String reason() {
        return cause.text();
    }

    public boolean isUsable() {
        return state == DeviceState.CONNECTED || state == DeviceState.BUSY;
    }

    @Override
    public String toString() {
        return device + " " + state + (reason().isEmpty() ? "" : " (" + reason() + ")");
    }
}
