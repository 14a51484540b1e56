package org.tongpos.hardware.card;

import java.util.Optional;

/**
 * What the driver tells the rest of the terminal about a card: its UID (hex, for meal cards) and, for bank cards,
 * the masked number. Never the full card number.
 */
public record CardInfo(String reader, CardKind kind, Optional<String> uid, Optional<MaskedCardNumber> cardNumber,
                       String atr) {

    @Override
    public String toString() {
        return kind + " on " + reader + uid.map(u -> " uid " + u).orElse("") + cardNumber.map(n -> " " + n).orElse("");
    }
}
