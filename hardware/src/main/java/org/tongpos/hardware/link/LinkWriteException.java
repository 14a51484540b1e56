package org.tongpos.hardware.link;

import java.io.IOException;

/** A write that failed part way; {@link #bytesWritten()} tells whether the device may already have acted on it. */
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
