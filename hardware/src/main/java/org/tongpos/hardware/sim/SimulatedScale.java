package org.tongpos.hardware.sim;

import java.time.Clock;
import java.util.Optional;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.scale.Scale;
import org.tongpos.hardware.scale.WeighResult;
import org.tongpos.hardware.scale.WeightReading;

/** A scale driven by hand: put goods on it (unstable at first), let it settle, take them off. */
public final class SimulatedScale extends ReportingDevice implements Scale {

    private final Clock clock;
    private volatile WeightReading reading;

    public SimulatedScale(Clock clock) {
        super("simulated scale", clock);
        this.clock = clock;
        this.reading = new WeightReading(0, true, false, false, clock.instant());
    }

    /** Goods put on the scale: the reading moves until {@link #settle()}. */
    public void place(long grams) {
        reading = new WeightReading(grams, false, false, false, clock.instant());
    }

    public void settle() {
        WeightReading r = reading;
        reading = new WeightReading(r.grams(), true, r.net(), false, clock.instant());
    }

    public void clear() {
        reading = new WeightReading(0, true, false, false, clock.instant());
    }

    @Override
    public WeighResult stableWeight() {
        return reading.toWeighResult();
    }

    @Override
    public Optional<WeightReading> latest() {
        return Optional.of(reading);
    }

    @Override
    public void start() {
        reporter.connected();
    }

    @Override
    public void close() {
        reporter.closed();
    }
}
