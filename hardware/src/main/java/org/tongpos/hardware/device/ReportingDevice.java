package org.tongpos.hardware.device;

import java.time.Clock;

/** A device whose state is kept by a {@link StatusReporter}: drivers and simulators report, listeners follow. */
public abstract class ReportingDevice implements Device {

    protected final StatusReporter reporter;

    protected ReportingDevice(String name, Clock clock) {
        this.reporter = new StatusReporter(name, clock);
    }

    @Override
    public final DeviceStatus status() {
        return reporter.current();
    }

    @Override
    public final void addStatusListener(DeviceStatusListener listener) {
        reporter.addListener(listener);
    }
}
