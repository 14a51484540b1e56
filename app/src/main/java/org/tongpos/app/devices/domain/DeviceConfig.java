package org.tongpos.app.devices.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.hardware.receipt.PaperWidth;

/**
 * The devices of one terminal as configured: an address per device (empty = none), the receipt paper and columns,
 * and whether a cash drawer hangs on the printer.
 */
public record DeviceConfig(Map<DeviceKind, String> addresses, int paperMillimetres, int columns, boolean drawer,
                           String facePassword) {

    public DeviceConfig {
        Map<DeviceKind, String> copy = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            copy.put(kind, Objects.requireNonNullElse(addresses.get(kind), "").strip());
        }
        addresses = Map.copyOf(copy);
        if (paperMillimetres != 58 && paperMillimetres != 80) {
            throw new IllegalArgumentException("paper must be 58 or 80 mm");
        }
        facePassword = facePassword == null ? "" : facePassword;
    }

    /** Reads the configuration from settings ({@code settings.get(key)} for every device key). */
    public static DeviceConfig from(Function<SettingKey, String> settings) {
        Map<DeviceKind, String> addresses = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            addresses.put(kind, settings.apply(kind.addressSetting()));
        }
        return new DeviceConfig(addresses, Integer.parseInt(settings.apply(SettingKey.DEVICE_PAPER)),
                Integer.parseInt(settings.apply(SettingKey.RECEIPT_COLUMNS)),
                Boolean.parseBoolean(settings.apply(SettingKey.DEVICE_DRAWER)),
                settings.apply(SettingKey.DEVICE_FACE_PASSWORD));
    }

    /** Every device a simulator: what a new terminal starts with. */
    public static DeviceConfig defaults() {
        return from(SettingKey::defaultValue);
    }

    public String address(DeviceKind kind) {
        return addresses.get(kind);
    }

    public boolean isConfigured(DeviceKind kind) {
        return !address(kind).isEmpty();
    }

    /**
     * The paper as the receipt layout uses it. 58 mm paper always has 32 columns; 80 mm has 48, or 42 when the
     * receipt columns setting says so (printers whose default font is wider).
     */
    public PaperWidth paper() {
        if (paperMillimetres == 58) {
            return PaperWidth.MM58;
        }
        return columns == 42 ? PaperWidth.MM80_42 : PaperWidth.MM80;
    }

    public DeviceConfig withAddress(DeviceKind kind, String address) {
        Map<DeviceKind, String> changed = new EnumMap<>(addresses);
        changed.put(kind, address);
        return new DeviceConfig(changed, paperMillimetres, columns, drawer, facePassword);
    }

    @Override
    public String toString() {
        return "DeviceConfig" + addresses + " paper " + paperMillimetres + " mm, " + columns + " columns, drawer "
                + drawer;
    }
}
