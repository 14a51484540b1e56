package org.tongpos.hardware.face;

import org.tongpos.hardware.device.DeviceStatus;
import org.tongpos.hardware.device.DeviceStatusListener;

/** A source of "person recognised" events (Hikvision alert stream, ZKTeco PUSH server, simulator). */
public interface FaceTerminal extends AutoCloseable {

    void addListener(FaceEventListener listener);

    void addStatusListener(DeviceStatusListener listener);

    DeviceStatus status();

    void start();

    @Override
    void close();
}
