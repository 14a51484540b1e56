package org.tongpos.hardware.scale;

import java.time.Instant;

/** One frame from the scale: weight in grams (negative below zero), whether it settled, net or gross, and when. */
public record WeightReading(long grams, boolean stable, boolean net, boolean overload, Instant at) {

    /** The weight this reading allows into a weighed line, or why it allows none: the rules every scale shares. */
    public WeighResult toWeighResult() {
        if (overload) {
            return new WeighResult.Refused(WeighResult.Reason.OVERLOAD, "too heavy for the scale");
        }
        if (!stable) {
            return new WeighResult.Refused(WeighResult.Reason.UNSTABLE, "weight is not stable yet");
        }
        if (grams < 0) {
            return new WeighResult.Refused(WeighResult.Reason.NEGATIVE, "weight is below zero: re-zero the scale");
        }
        if (grams == 0) {
            return new WeighResult.Refused(WeighResult.Reason.ZERO, "nothing on the scale");
        }
        return new WeighResult.Weighed(grams);
    }
}
