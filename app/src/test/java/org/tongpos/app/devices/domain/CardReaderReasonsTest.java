package org.tongpos.app.devices.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.DeviceStatus;

/** The PC/SC reader's English reasons that the app can say in the user's language. */
class CardReaderReasonsTest {

    @Test
    void theReadersOwnWordsBecomeCodes() {
        assertThat(recognise("no card reader")).isEqualTo(DeviceReason.of(Code.CARD_READER_NONE));
        assertThat(recognise("no card reader named ACS ACR122U"))
                .isEqualTo(DeviceReason.of(Code.CARD_READER_MISSING, "ACS ACR122U"));
        assertThat(recognise("list() failed: SCARD_E_NO_SERVICE")).isEqualTo(DeviceReason.of(Code.PCSC_SERVICE_STOPPED));
        assertThat(recognise("list() failed: SCARD_E_SERVICE_STOPPED"))
                .isEqualTo(DeviceReason.of(Code.PCSC_SERVICE_STOPPED));
        assertThat(recognise("PC/SC service restarted: restart TongPOS, or start Java with --add-opens x"))
                .isEqualTo(DeviceReason.of(Code.PCSC_SERVICE_RESTARTED));
        assertThat(recognise("PC/SC is not available in this Java runtime"))
                .isEqualTo(DeviceReason.of(Code.PCSC_UNAVAILABLE));
        assertThat(recognise("closed")).isEqualTo(DeviceReason.of(Code.CLOSED));
    }

    @Test
    void anythingElseStaysAsItCame() {
        DeviceReason other = DeviceReason.other("connect() failed: SCARD_E_SHARING_VIOLATION");
        assertThat(CardReaderReasons.recognise(other)).isSameAs(other);
        assertThat(CardReaderReasons.recognise(DeviceReason.of(Code.CLOSED))).isEqualTo(DeviceReason.of(Code.CLOSED));
        assertThat(recognise("no card reader named ")).isEqualTo(DeviceReason.other("no card reader named "));
    }

    @Test
    void onlyTheCardReadersHealthIsRecognised() {
        DeviceStatus status = new DeviceStatus("x", DeviceState.DISCONNECTED, DeviceReason.other("no card reader"),
                Instant.EPOCH);

        assertThat(DeviceHealth.of(DeviceKind.CARD_READER, status).cause()).isEqualTo(DeviceReason.of(Code.CARD_READER_NONE));
        assertThat(DeviceHealth.of(DeviceKind.SCANNER, status).cause()).isEqualTo(DeviceReason.other("no card reader"));
    }

    private static DeviceReason recognise(String text) {
        return CardReaderReasons.recognise(DeviceReason.other(text));
    }
}
