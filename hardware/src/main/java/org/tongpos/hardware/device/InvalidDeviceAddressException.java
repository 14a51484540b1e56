package org.tongpos.hardware.device;

/** A device address in the configuration cannot be understood; the message says what is wrong and how to write it. */
public final class InvalidDeviceAddressException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String address;

    public InvalidDeviceAddressException(String address, String problem) {
        super("Invalid device address '" + address + "': " + problem);
        this.address = address;
    }

    public String address() {
        return address;
    }
}
