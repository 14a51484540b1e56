package org.tongpos.hardware.card;

import java.util.Optional;

/** Works out what a freshly inserted card is: UID by {@code FF CA 00 00 00}, then the bank card number if any. */
final class CardIdentifier {

    private static final byte[] GET_UID = {(byte) 0xFF, (byte) 0xCA, 0x00, 0x00, 0x00};

    private CardIdentifier() {
    }

    static CardEvent identify(String reader, String atr, ApduChannel channel) {
        Optional<String> uid = Optional.empty();
        String uidProblem;
        try {
            byte[] response = channel.transmit(GET_UID);
            if (response.length > 2 && EmvCardNumberReader.ok(response)) {
                uid = Optional.of(Hex.of(java.util.Arrays.copyOf(response, response.length - 2)));
                uidProblem = "";
            } else {
                uidProblem = "GET UID answered " + (response.length >= 2 ? EmvCardNumberReader.sw(response) : "nothing");
            }
        } catch (CardAccessException e) {
            uidProblem = e.getMessage();
        }
        Optional<MaskedCardNumber> number = Optional.empty();
        String numberProblem = "";
        try {
            number = new EmvCardNumberReader(channel).read();
        } catch (CardAccessException e) {
            numberProblem = e.getMessage();
        }
        if (number.isPresent()) {
            return new CardEvent.Inserted(new CardInfo(reader, CardKind.BANK_CARD, uid, number, atr));
        }
        if (uid.isPresent()) {
            return new CardEvent.Inserted(new CardInfo(reader, CardKind.UID_CARD, uid, Optional.empty(), atr));
        }
        return new CardEvent.Unreadable(reader, uidProblem + (numberProblem.isEmpty() ? "" : "; " + numberProblem));
    }
}
