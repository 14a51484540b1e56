package org.tongpos.hardware.face;

/** Receives face terminal events, on the terminal client's or server's thread. */
@FunctionalInterface
public interface FaceEventListener {
    void faceEvent(FaceEvent event);
}
