package org.tongpos.hardware.link;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/** A byte pipe to a device (TCP socket, serial port, device file) with timeouts on every blocking call. */
public interface ByteLink extends Closeable {

    void open() throws IOException;

    boolean isOpen();

    /**
     * Writes all bytes or fails; a device that stops accepting data fails with {@link LinkWriteException} after the
     * link's write timeout, telling how many bytes did go out.
     */
    void write(byte[] data, int offset, int length) throws IOException;

    default void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    /**
     * Reads what is available, waiting at most {@code timeout}; returns 0 when nothing came in time.
     *
     * @throws org.tongpos.hardware.device.DeviceIOException with {@code CONNECTION_LOST} when the other side closed
     *         the link
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

    /** Whether this link can carry answers from the device (a USB printer device file usually cannot). */
    boolean canRead();

    /** Drops whatever the device has sent and nobody read yet. */
    default void discardInput() throws IOException {
        byte[] scratch = new byte[256];
        while (read(scratch, 0, scratch.length, Duration.ZERO) > 0) {
            // drain
        }
    }

    String description();

    @Override
    void close();
}
