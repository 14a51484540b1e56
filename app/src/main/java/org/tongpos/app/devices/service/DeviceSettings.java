package org.tongpos.app.devices.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.tongpos.app.devices.domain.DeviceConfig;
import org.tongpos.app.devices.domain.DeviceKind;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.app.settings.service.SettingRefusal;
import org.tongpos.app.settings.service.SettingsService;

/** Checks and stores the terminal's device configuration, and reopens the devices whose address changed. */
public final class DeviceSettings {

    private final SettingsService settings;
    private final Devices devices;

    public DeviceSettings(SettingsService settings, Devices devices) {
        this.settings = settings;
        this.devices = devices;
    }

    /** Why an address cannot be used for a kind of device, or empty when it can (the settings' rule). */
    public static Optional<String> problem(DeviceKind kind, String address) {
        return SettingsService.checkForm(kind.addressSetting(), address).map(SettingRefusal::detail);
    }

    /**
     * Writes every device setting, checked together (database work: not on the FX thread), then applies them to the
     * open devices.
     *
     * @throws org.tongpos.app.settings.service.SettingRefusedException when a setting is refused (nothing written)
     */
    public void save(DeviceConfig config) {
        Map<SettingKey, String> changes = new EnumMap<>(SettingKey.class);
        for (DeviceKind kind : DeviceKind.values()) {
            changes.put(kind.addressSetting(), config.address(kind));
        }
        changes.put(SettingKey.DEVICE_PAPER, Integer.toString(config.paperMillimetres()));
        changes.put(SettingKey.RECEIPT_COLUMNS, Integer.toString(config.columns()));
        changes.put(SettingKey.DEVICE_DRAWER, Boolean.toString(config.drawer()));
        changes.put(SettingKey.DEVICE_FACE_PASSWORD, config.facePassword());
        settings.setAll(changes);
        devices.reconfigure(config);
    }
}
