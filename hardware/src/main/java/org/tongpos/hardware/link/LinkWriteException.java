package org.tongpos.hardware.link;

import java.io.IOException;

/**
 * A write that failed part way; {@link #bytesWritten()} counts the bytes that may have reached the device (rounded
 * up when unsure), so zero means the device cannot have acted on any of it.
 */
public final class LinkWriteException extends IOException {

    private final long bytesWritten;
    private final long bytesRequested;

    public LinkWriteException(String message, long bytesWritten, long bytesRequested, Throwable cause) {
        super(message + " (" + bytesWritten + " of " + bytesRequested + " bytes sent)", cause);
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
