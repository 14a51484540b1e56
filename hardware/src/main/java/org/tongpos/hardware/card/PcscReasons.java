package org.tongpos.hardware.card;

import java.util.Optional;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/** Why a PC/SC reader is down, as a code the app can say in the user's language. */
final class PcscReasons {

    private PcscReasons() {
    }

    /** No reader at all, or none with the configured name. */
    static DeviceReason noReader(Optional<String> readerName) {
        return readerName.map(name -> DeviceReason.of(Code.CARD_READER_MISSING, name))
                .orElse(DeviceReason.of(Code.CARD_READER_NONE));
    }

    /** A failed PC/SC call, from its message (and its causes'); what no code describes stays in English. */
    static DeviceReason ofFailure(String message) {
        if (message.contains("SCARD_E_NO_SERVICE") || message.contains("SCARD_E_SERVICE_STOPPED")) {
            return DeviceReason.of(Code.PCSC_SERVICE_STOPPED);
        }
        if (message.startsWith(PcscCardReader.NOT_AVAILABLE)) {
            return DeviceReason.of(Code.PCSC_UNAVAILABLE);
        }
        return DeviceReason.other(message);
    }
}
