package org.tongpos.hardware.scale;

/** A weight that may go into a weighed line, or why it may not. */
public sealed interface WeighResult {

    record Weighed(long grams) implements WeighResult {
    }

    record Refused(Reason reason, String message) implements WeighResult {
    }

    enum Reason { UNSTABLE, NEGATIVE, ZERO, OVERLOAD, NO_READING, STALE, DEVICE_ERROR }
}
