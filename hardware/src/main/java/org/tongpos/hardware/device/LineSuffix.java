package org.tongpos.hardware.device;

import java.util.Locale;

/** The terminator a serial input device sends after each message. */
public enum LineSuffix {
    CR(new byte[] {'\r'}),
    LF(new byte[] {'\n'}),
    CRLF(new byte[] {'\r', '\n'});

    private final byte[] bytes;

    LineSuffix(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    static LineSuffix parse(String value, String address) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidDeviceAddressException(address, "suffix must be CR, LF or CRLF, not '" + value + "'");
        }
    }
}
