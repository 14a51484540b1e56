package org.tongpos.app.devices.domain;

import org.tongpos.app.settings.domain.SettingKey;

/** The devices a terminal drives, each configured by one address setting. */
public enum DeviceKind {
    PRINTER("printer", SettingKey.DEVICE_PRINTER),
    SCANNER("scanner", SettingKey.DEVICE_SCANNER),
    DISPLAY("display", SettingKey.DEVICE_DISPLAY),
    SCALE("scale", SettingKey.DEVICE_SCALE),
    CARD_READER("card-reader", SettingKey.DEVICE_CARD_READER),
    FACE_TERMINAL("face", SettingKey.DEVICE_FACE);

    private final String id;
    private final SettingKey address;

    DeviceKind(String id, SettingKey address) {
        this.id = id;
        this.address = address;
    }

    /** Short name in ids and logs ({@code printer}, {@code card-reader}). */
    public String id() {
        return id;
    }

    /** The setting holding this device's address. */
    public SettingKey addressSetting() {
        return address;
    }

    /** True for devices on a serial line, whose address may carry {@code baud} (and {@code suffix} for scanners). */
    public boolean mayBeSerial() {
        return this == PRINTER || this == SCANNER || this == DISPLAY || this == SCALE;
    }
}
