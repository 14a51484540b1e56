package org.tongpos.hardware.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeviceAddressTest {

    @Test
    void tcpAddressGivesHostAndPort() {
        DeviceAddress address = DeviceAddress.parse("tcp://192.168.1.50:9100");
        assertThat(address.scheme()).isEqualTo(DeviceAddress.Scheme.TCP);
        assertThat(address.host()).isEqualTo("192.168.1.50");
        assertThat(address.port()).isEqualTo(9100);
    }

    @Test
    void serialAddressKeepsAnyPathAndParameters() {
        DeviceAddress address = DeviceAddress.parse("serial:/tmp/x/A?baud=115200&suffix=crlf");
        assertThat(address.path()).isEqualTo("/tmp/x/A");
        assertThat(address.baud()).isEqualTo(115200);
        assertThat(address.suffix()).isEqualTo(LineSuffix.CRLF);
        assertThat(DeviceAddress.parse("serial:COM3").path()).isEqualTo("COM3");
        assertThat(DeviceAddress.parse("serial:/dev/ttyUSB0").baud()).isEqualTo(9600);
        assertThat(DeviceAddress.parse("serial:/dev/ttyUSB0").suffix()).isEqualTo(LineSuffix.CR);
    }

    @Test
    void everySchemeButPcscTakesParameters() {
        assertThat(DeviceAddress.parse("tcp://printer:9100?status=off").parameter("status")).contains("off");
        assertThat(DeviceAddress.parse("sim:?width=58").intParameter("width")).contains(58);
        assertThat(DeviceAddress.parse("file:/dev/usb/lp0?status=off").path()).isEqualTo("/dev/usb/lp0");
        assertThat(DeviceAddress.parse("pcsc:Reader ?1").name()).contains("Reader ?1");
        assertThatThrownBy(() -> DeviceAddress.parse("tcp://p:1?x")).hasMessageContaining("name=value");
        assertThatThrownBy(() -> DeviceAddress.parse("sim:?a=1&a=2")).hasMessageContaining("twice");
    }

    @Test
    void fileAddressGivesDevicePath() {
        assertThat(DeviceAddress.parse("file:/dev/usb/lp0").path()).isEqualTo("/dev/usb/lp0");
    }

    @Test
    void pcscAddressHasOptionalReaderName() {
        assertThat(DeviceAddress.parse("pcsc:").name()).isEmpty();
        assertThat(DeviceAddress.parse("pcsc:Virtual PCD 00 00").name()).contains("Virtual PCD 00 00");
    }

    @Test
    void simAddressIsASimulator() {
        assertThat(DeviceAddress.parse("sim:").isSimulator()).isTrue();
        assertThat(DeviceAddress.parse("SIM:demo").name()).contains("demo");
    }

    @Test
    void badAddressesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> DeviceAddress.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DeviceAddress.parse("/dev/ttyUSB0")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> DeviceAddress.parse("usb:/dev/lp0")).hasMessageContaining("unknown scheme 'usb'");
        assertThatThrownBy(() -> DeviceAddress.parse("tcp://printer")).hasMessageContaining("port");
        assertThatThrownBy(() -> DeviceAddress.parse("tcp://printer:99999")).hasMessageContaining("outside");
        assertThatThrownBy(() -> DeviceAddress.parse("tcp://printer:abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> DeviceAddress.parse("serial:?baud=9600")).hasMessageContaining("port path");
        assertThatThrownBy(() -> DeviceAddress.parse("serial:/dev/ttyS0?baud=fast")).hasMessageContaining("baud=fast");
        assertThatThrownBy(() -> DeviceAddress.parse("serial:/dev/ttyS0?suffix=TAB")).hasMessageContaining("CR, LF or CRLF");
        assertThatThrownBy(() -> DeviceAddress.parse("file:")).isInstanceOf(InvalidDeviceAddressException.class);
    }

    @Test
    void backoffDoublesUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
        assertThat(backoff.delayAfter(0)).isZero();
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofMillis(500));
    }
}
