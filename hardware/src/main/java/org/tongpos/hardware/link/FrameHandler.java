package org.tongpos.hardware.link;

/** Receives each message a serial input device sent, without its terminator. */
@FunctionalInterface
public interface FrameHandler {
    void frame(byte[] frame);
}
