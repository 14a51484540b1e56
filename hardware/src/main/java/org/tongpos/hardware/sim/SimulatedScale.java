package org.tongpos.hardware.sim;

import java.time.Clock;
import java.util.Optional;
import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;
import org.tongpos.hardware.device.StatusReporter;
import org.tongpos.hardware.scale.Scale;
import org.tongpos.hardware.scale.WeighResult;
import org.tongpos.hardware.scale.WeightReading;

/** A scale driven by hand: put goods on it (unstable at first), let it settle, take them off. */
public final class SimulatedScale implements Scale {

    private final Clock clock;
    private final StatusReporter reporter;
    private volatile WeightReading reading;

    public SimulatedScale(Clock clock) {
        this.clock = clock;
        this.reporter = new StatusReporter("simulated scale", clock);
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
    public DeviceStatus status() {
        return reporter.current();
    }

    @Override
    public void addStatusListener(DeviceStatusListener listener) {
        reporter.addListener(listener);
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
