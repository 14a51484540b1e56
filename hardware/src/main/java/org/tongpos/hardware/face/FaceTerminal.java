package org.tongpos.hardware.face;

import org.tongpos.hardware.device.Device;

/** A source of "person recognised" events (Hikvision alert stream, ZKTeco PUSH server, simulator). */
public interface FaceTerminal extends Device {

    void addListener(FaceEventListener listener);

    void start();
}
