package org.tongpos.hardware.device;

import java.io.IOException;

/** An I/O failure of a device whose {@link DeviceReason} says why, in a form the app can put in the user's language. */
public class DeviceIOException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient DeviceReason reason;

    public DeviceIOException(DeviceReason reason, Throwable cause) {
        this(reason, reason.text(), cause);
    }

    /** With a message for the logs that says more than the reason does. */
    public DeviceIOException(DeviceReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public DeviceReason reason() {
        return reason;
    }
}
