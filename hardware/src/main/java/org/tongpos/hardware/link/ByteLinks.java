package org.tongpos.hardware.link;

import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.InvalidDeviceAddressException;

/** Makes the link a {@code tcp:}, {@code serial:} or {@code file:} address names. */
public final class ByteLinks {

    private ByteLinks() {
    }

    public static ByteLink forAddress(DeviceAddress address, LinkTimeouts timeouts) {
        return switch (address.scheme()) {
            case TCP -> new TcpLink(address.host(), address.port(), timeouts);
            case SERIAL -> new SerialLink(address.path(), address.baud(), timeouts);
            case FILE -> new FileLink(address.path(), timeouts);
            case PCSC, SIM -> throw new InvalidDeviceAddressException(address.toString(),
                    "this device needs a tcp:, serial: or file: address (or the simulator's own factory)");
        };
    }
}
