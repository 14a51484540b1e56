package org.tongpos.app.devices.service;

import java.util.Optional;
import org.tongpos.app.devices.domain.DeviceConfig;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.store.SettingsStore;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.InvalidDeviceAddressException;

/** Checks and stores the terminal's device configuration, and reopens the devices whose address changed. */
public final class DeviceSettings {

    private final SettingsStore store;
    private final Devices devices;

    public DeviceSettings(SettingsStore store, Devices devices) {
        this.store = store;
        this.devices = devices;
    }

    /** Why an address cannot be used for a kind of device, or empty when it can. */
    public static Optional<String> problem(DeviceKind kind, String address) {
        if (kind.addressSetting().accepts(address)) {
            return Optional.empty();
        }
        try {
            DeviceAddress parsed = DeviceAddress.parse(address);
            return Optional.of(parsed.scheme().name().toLowerCase(java.util.Locale.ROOT) + ": not for this device");
        } catch (InvalidDeviceAddressException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Writes every device setting (database work: not on the FX thread), then applies them to the open devices. */
    public void save(DeviceConfig config) {
        for (DeviceKind kind : DeviceKind.values()) {
            store.set(kind.addressSetting(), config.address(kind));
        }
        store.set(SettingKey.DEVICE_PAPER, Integer.toString(config.paperMillimetres()));
        store.set(SettingKey.RECEIPT_COLUMNS, Integer.toString(config.columns()));
        store.set(SettingKey.DEVICE_DRAWER, Boolean.toString(config.drawer()));
        store.set(SettingKey.DEVICE_FACE_PASSWORD, config.facePassword());
        devices.reconfigure(config);
    }
}
