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
        this.current = new DeviceStatus(device, DeviceState.DISCONNECTED,
                DeviceReason.of(DeviceReason.Code.NOT_STARTED), clock.instant());
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

    public void report(DeviceState state, DeviceReason reason) {
        DeviceReason why = reason == null ? DeviceReason.NONE : reason;
        DeviceStatus next;
        synchronized (this) {
            if (current.state() == state && current.cause().equals(why)) {
                return;
            }
            next = new DeviceStatus(device, state, why, clock.instant());
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

    /** A state with a reason only words describe (no {@link DeviceReason.Code} fits). */
    public void report(DeviceState state, String reason) {
        report(state, DeviceReason.other(reason));
    }

    public void connected() {
        report(DeviceState.CONNECTED, DeviceReason.NONE);
    }

    public void busy(DeviceReason reason) {
        report(DeviceState.BUSY, reason);
    }

    public void error(DeviceReason reason) {
        report(DeviceState.ERROR, reason);
    }

    public void error(String reason) {
        report(DeviceState.ERROR, reason);
    }

    public void disconnected(DeviceReason reason) {
        report(DeviceState.DISCONNECTED, reason);
    }

    public void disconnected(String reason) {
        report(DeviceState.DISCONNECTED, reason);
    }

    /** The driver was closed on purpose. */
    public void closed() {
        disconnected(DeviceReason.of(DeviceReason.Code.CLOSED));
    }
}
