package org.tongpos.hardware.device;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds a device's current status and tells listeners when it changes; shared by every driver. */
public final class StatusReporter {

    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

    private final String device;
    private final Clock clock;
    private final List<DeviceStatusListener> listeners = new CopyOnWriteArrayList<>();
    private volatile DeviceStatus current;

    public StatusReporter(String device, Clock clock) {
        this.device = device;
        this.clock = clock;
        this.current = new DeviceStatus(device, DeviceState.DISCONNECTED, "not started", clock.instant());
    }

    public DeviceStatus current() {
        return current;
    }

    public void addListener(DeviceStatusListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DeviceStatusListener listener) {
        listeners.remove(listener);
    }

    public void report(DeviceState state, String reason) {
        DeviceStatus next;
        synchronized (this) {
            if (current.state() == state && current.reason().equals(reason == null ? "" : reason)) {
                return;
            }
            next = new DeviceStatus(device, state, reason, clock.instant());
            current = next;
        }
        if (state == DeviceState.ERROR) {
            LOG.warn("{}", next);
        } else {
            LOG.info("{}", next);
        }
        for (DeviceStatusListener listener : listeners) {
            try {
                listener.statusChanged(next);
            } catch (RuntimeException e) {
                LOG.error("status listener failed for {}", device, e);
            }
        }
    }

    public void connected() {
        report(DeviceState.CONNECTED, "");
    }

    public void busy(String reason) {
        report(DeviceState.BUSY, reason);
    }

    public void error(String reason) {
        report(DeviceState.ERROR, reason);
    }

    public void disconnected(String reason) {
        report(DeviceState.DISCONNECTED, reason);
    }
}
