package org.tongpos.hardware.link;

import org.tongpos.hardware.device.DeviceIOException;
import org.tongpos.hardware.device.DeviceReason;

/**
 * A write that failed part way; {@link #bytesWritten()} counts the bytes that may have reached the device (rounded
 * up when unsure), so zero means the device cannot have acted on any of it.
 */
public final class LinkWriteException extends DeviceIOException {
    private static final long serialVersionUID = 1L;

    private final long bytesWritten;
    private final long bytesRequested;

    public LinkWriteException(DeviceReason reason, long bytesWritten, long bytesRequested, Throwable cause) {
        super(reason, reason.text() + " (" + bytesWritten + " of " + bytesRequested + " bytes sent)", cause);
        this.bytesWritten = bytesWritten;
        this.bytesRequested = bytesRequested;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    public long bytesRequested() {
        return bytesRequested;
    }
}
