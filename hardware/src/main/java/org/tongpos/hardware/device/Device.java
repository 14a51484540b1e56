package org.tongpos.hardware.device;

/** What every device does, whatever it is: say its state, let others follow it, and close. */
public interface Device extends AutoCloseable {

    DeviceStatus status();

    void addStatusListener(DeviceStatusListener listener);

    @Override
    void close();
}
