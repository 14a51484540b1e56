package org.tongpos.hardware.scale;

import java.time.Instant;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/** One frame from the scale: weight in grams (negative below zero), whether it settled, net or gross, and when. */
public record WeightReading(long grams, boolean stable, boolean net, boolean overload, Instant at) {

    /** The weight this reading allows into a weighed line, or why it allows none: the rules every scale shares. */
    public WeighResult toWeighResult() {
        if (overload) {
            return new WeighResult.Refused(WeighResult.Reason.OVERLOAD, DeviceReason.of(Code.SCALE_OVERLOAD));
        }
        if (!stable) {
            return new WeighResult.Refused(WeighResult.Reason.UNSTABLE, DeviceReason.of(Code.SCALE_UNSTABLE));
        }
        if (grams < 0) {
            return new WeighResult.Refused(WeighResult.Reason.NEGATIVE, DeviceReason.of(Code.SCALE_NEGATIVE));
        }
        if (grams == 0) {
            return new WeighResult.Refused(WeighResult.Reason.ZERO, DeviceReason.of(Code.SCALE_ZERO));
        }
        return new WeighResult.Weighed(grams);
    }
}
