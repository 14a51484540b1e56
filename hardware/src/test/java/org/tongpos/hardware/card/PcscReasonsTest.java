package org.tongpos.hardware.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/** The PC/SC failures the reader reports as codes, so the app can say them in the user's language. */
class PcscReasonsTest {

    @Test
    void knownFailuresBecomeCodes() {
        assertThat(PcscReasons.noReader(Optional.empty())).isEqualTo(DeviceReason.of(Code.CARD_READER_NONE));
        assertThat(PcscReasons.noReader(Optional.of("ACS ACR122U")))
                .isEqualTo(DeviceReason.of(Code.CARD_READER_MISSING, "ACS ACR122U"));
        assertThat(PcscReasons.ofFailure("list() failed: SCARD_E_NO_SERVICE"))
                .isEqualTo(DeviceReason.of(Code.PCSC_SERVICE_STOPPED));
        assertThat(PcscReasons.ofFailure("list() failed: SCARD_E_SERVICE_STOPPED"))
                .isEqualTo(DeviceReason.of(Code.PCSC_SERVICE_STOPPED));
        assertThat(PcscReasons.ofFailure("PC/SC is not available in this Java runtime: no provider"))
                .isEqualTo(DeviceReason.of(Code.PCSC_UNAVAILABLE));
    }

    @Test
    void anythingElseStaysAsItCame() {
        assertThat(PcscReasons.ofFailure("connect() failed: SCARD_E_SHARING_VIOLATION"))
                .isEqualTo(DeviceReason.other("connect() failed: SCARD_E_SHARING_VIOLATION"));
    }
}
