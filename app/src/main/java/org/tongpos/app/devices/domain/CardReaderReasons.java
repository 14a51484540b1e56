package org.tongpos.app.devices.domain;

import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/**
 * The PC/SC card reader reports why it is down in English words only; these are the ones recognised, so the screen
 * can say them in the user's language. Anything else stays as it came (shown in English).
 */
final class CardReaderReasons {

    private static final String NAMED = "no card reader named ";

    private CardReaderReasons() {
    }

    static DeviceReason recognise(DeviceReason reason) {
        if (reason.code() != Code.OTHER) {
            return reason;
        }
        String text = reason.text();
        if (text.equals("no card reader")) {
            return DeviceReason.of(Code.CARD_READER_NONE);
        }
        if (text.startsWith(NAMED) && text.length() > NAMED.length()) {
            return DeviceReason.of(Code.CARD_READER_MISSING, text.substring(NAMED.length()));
        }
        if (text.equals("closed")) {
            return DeviceReason.of(Code.CLOSED);
        }
        if (text.startsWith("PC/SC service restarted")) {
            return DeviceReason.of(Code.PCSC_SERVICE_RESTARTED);
        }
        if (text.contains("SCARD_E_NO_SERVICE") || text.contains("SCARD_E_SERVICE_STOPPED")) {
            return DeviceReason.of(Code.PCSC_SERVICE_STOPPED);
        }
        if (text.startsWith("PC/SC is not available")) {
            return DeviceReason.of(Code.PCSC_UNAVAILABLE);
        }
        return reason;
    }
}
