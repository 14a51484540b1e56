package org.tongpos.app.devices.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.hardware.receipt.PaperWidth;

class DeviceConfigTest {

    @Test
    void aNewTerminalHasSimulatorsButNoScale() {
        DeviceConfig defaults = DeviceConfig.defaults();
        assertThat(defaults.address(DeviceKind.PRINTER)).isEqualTo("sim:");
        assertThat(defaults.address(DeviceKind.SCANNER)).isEqualTo("sim:");
        assertThat(defaults.isConfigured(DeviceKind.SCALE)).isFalse();
        assertThat(defaults.paper()).isEqualTo(PaperWidth.MM58);
        assertThat(defaults.drawer()).isTrue();
    }

    @Test
    void eachDeviceTakesOnlyTheAddressesItCanUse() {
        assertThat(SettingKey.DEVICE_PRINTER.accepts("tcp://192.168.1.50:9100")).isTrue();
        assertThat(SettingKey.DEVICE_PRINTER.accepts("file:/dev/usb/lp0")).isTrue();
        assertThat(SettingKey.DEVICE_PRINTER.accepts("pcsc:")).isFalse();
        assertThat(SettingKey.DEVICE_PRINTER.accepts("tcp://printer")).as("no port").isFalse();
        assertThat(SettingKey.DEVICE_SCANNER.accepts("serial:/dev/ttyACM0?baud=115200&suffix=CRLF")).isTrue();
        assertThat(SettingKey.DEVICE_SCANNER.accepts("serial:/dev/ttyACM0?suffix=TAB")).isFalse();
        assertThat(SettingKey.DEVICE_SCANNER.accepts("tcp://10.0.0.1:9000")).isFalse();
        assertThat(SettingKey.DEVICE_SCALE.accepts("")).isTrue();
        assertThat(SettingKey.DEVICE_CARD_READER.accepts("pcsc:Virtual PCD 00 00")).isTrue();
        assertThat(SettingKey.DEVICE_CARD_READER.accepts("serial:/dev/ttyS0")).isFalse();
        assertThat(SettingKey.DEVICE_FACE.accepts("zkteco:8081")).isTrue();
        assertThat(SettingKey.DEVICE_FACE.accepts("zkteco:99999")).isFalse();
        assertThat(SettingKey.DEVICE_FACE.accepts("hikvision:http://admin@192.168.1.64")).isTrue();
        assertThat(SettingKey.DEVICE_FACE.accepts("hikvision:http://192.168.1.64")).as("needs the user").isFalse();
        assertThat(SettingKey.DEVICE_FACE_PASSWORD.isSecret()).isTrue();
    }

    @Test
    void eightyMillimetrePaperPrintsFortyTwoColumnsWhenTheReceiptSaysSo() {
        DeviceConfig config = DeviceConfig.from(key -> switch (key) {
            case DEVICE_PAPER -> "80";
            case RECEIPT_COLUMNS -> "42";
            default -> key.defaultValue();
        });
        assertThat(config.paper()).isEqualTo(PaperWidth.MM80_42);
        assertThat(config.withAddress(DeviceKind.PRINTER, "").isConfigured(DeviceKind.PRINTER)).isFalse();
    }

    @Test
    void baudAndSuffixAreReadAndChangedInTheAddress() {
        String address = "serial:/dev/ttyUSB0?baud=9600&suffix=CR";
        assertThat(AddressParameters.get(address, "baud")).isEqualTo("9600");
        assertThat(AddressParameters.get(address, "parity")).isEmpty();
        assertThat(AddressParameters.with(address, "baud", "115200")).isEqualTo("serial:/dev/ttyUSB0?baud=115200&suffix=CR");
        assertThat(AddressParameters.with(address, "suffix", "")).isEqualTo("serial:/dev/ttyUSB0?baud=9600");
        assertThat(AddressParameters.with("serial:/dev/ttyUSB0", "baud", "")).isEqualTo("serial:/dev/ttyUSB0");
        assertThat(AddressParameters.with("pcsc:ACS ACR122", "baud", "9600")).isEqualTo("pcsc:ACS ACR122");
    }
}
