package org.tongpos.hardware.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.tongpos.hardware.device.DeviceReason.Code;

class DeviceReasonTest {

    @Test
    void aCodeWithArgumentsIsWordedInEnglishForTheLogs() {
        DeviceReason refused = DeviceReason.of(Code.CONNECTION_REFUSED, "tcp://10.0.0.9:9100");

        assertThat(refused.code()).isEqualTo(Code.CONNECTION_REFUSED);
        assertThat(refused.args()).containsExactly("tcp://10.0.0.9:9100");
        assertThat(refused.text()).isEqualTo("cannot connect to tcp://10.0.0.9:9100: connection refused");
        assertThat(DeviceReason.of(Code.CONNECT_TIMEOUT, "tcp://10.0.0.9:9100", 3000L).text())
                .isEqualTo("no answer from tcp://10.0.0.9:9100 within 3000 ms");
    }

    @Test
    void everyCodeButNoneSaysSomething() {
        for (Code code : Code.values()) {
            if (code != Code.NONE) {
                assertThat(DeviceReason.of(code, "a", "b").text()).as(code.name()).isNotBlank().doesNotContain("{");
            }
        }
        assertThat(DeviceReason.NONE.text()).isEmpty();
    }

    @Test
    void aFailureGivesTheReasonOfTheDeviceExceptionInItsCauseChainElseItsMessage() {
        DeviceReason missing = DeviceReason.of(Code.SERIAL_PORT_MISSING, "/dev/ttyUSB0");
        IOException wrapped = new IOException("outer", new DeviceIOException(missing, null));

        assertThat(DeviceReason.from(new UncheckedIOException(wrapped), "fallback")).isEqualTo(missing);
        assertThat(DeviceReason.from(new IOException("Broken pipe"), "fallback"))
                .isEqualTo(new DeviceReason(Code.OTHER, java.util.List.of("Broken pipe"), "Broken pipe"));
        assertThat(DeviceReason.from(new IOException(), "tcp://x failed").text()).isEqualTo("tcp://x failed");
    }

    @Test
    void blankWordsAreNoReason() {
        assertThat(DeviceReason.other(" ")).isEqualTo(DeviceReason.NONE);
        assertThat(DeviceReason.other(null)).isEqualTo(DeviceReason.NONE);
        assertThat(DeviceReason.other("odd").code()).isEqualTo(Code.OTHER);
    }
}
