package org.tongpos.hardware.scale;

import java.time.Instant;

/** One frame from the scale: weight in grams (negative below zero), whether it settled, net or gross, and when. */
public record WeightReading(long grams, boolean stable, boolean net, boolean overload, Instant at) {
}
