package org.tongpos.hardware.scale;

import org.tongpos.hardware.device.DeviceReason;

/** A weight that may go into a weighed line, or why it may not. */
public sealed interface WeighResult {

    record Weighed(long grams) implements WeighResult {
    }

    /** No weight: {@code reason} for the program's decision, {@code cause} to tell the cashier (the scale's fault). */
    record Refused(Reason reason, DeviceReason cause) implements WeighResult {

        /** The cause in English, for logs. */
        public String message() {
            return cause.text();
        }
    }

    enum Reason { UNSTABLE, NEGATIVE, ZERO, OVERLOAD, NO_READING, STALE, DEVICE_ERROR }
}
