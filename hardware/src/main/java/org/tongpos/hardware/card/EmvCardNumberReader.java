package org.tongpos.hardware.card;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a bank IC card's number (PBOC / EMV) the way a terminal does: SELECT the payment environment
 * ({@code 2PAY.SYS.DDF01}, else {@code 1PAY.SYS.DDF01} and its directory records, else well-known AIDs), SELECT the
 * application, GET PROCESSING OPTIONS, then READ RECORD over the AFL until tag 5A (PAN) or 57 (track 2) turns up.
 * The number only leaves as a {@link MaskedCardNumber}.
 */
final class EmvCardNumberReader {

    private static final List<String> KNOWN_AIDS = List.of(
            "A000000333010101", "A000000333010102", "A000000333010103", // UnionPay debit, credit, quasi-credit
            "A0000000031010", "A0000000041010", "A0000000651010");       // Visa, Mastercard, JCB

    private final ApduChannel card;

    EmvCardNumberReader(ApduChannel card) {
        this.card = card;
    }

    Optional<MaskedCardNumber> read() throws CardAccessException {
        List<byte[]> aids = applications();
        String lastProblem = "no payment application on the card";
        for (byte[] aid : aids) {
            byte[] fci = transmit(select(aid));
            if (!ok(fci)) {
                lastProblem = "SELECT of application " + Hex.of(aid) + " answered " + sw(fci);
                continue;
            }
            Optional<String> pan = panFromApplication(fci);
            if (pan.isPresent()) {
                return Optional.of(MaskedCardNumber.mask(pan.get()));
            }
            lastProblem = "application " + Hex.of(aid) + " has no card number in its records";
        }
        if (aids.isEmpty()) {
            return Optional.empty();
        }
        throw new CardAccessException(lastProblem);
    }

    private List<byte[]> applications() throws CardAccessException {
        byte[] ppse = transmit(select("2PAY.SYS.DDF01".getBytes(StandardCharsets.US_ASCII)));
        if (ok(ppse)) {
            List<byte[]> aids = Tlv.findAll(body(ppse), 0x4F);
            if (!aids.isEmpty()) {
                return aids;
            }
        }
        byte[] pse = transmit(select("1PAY.SYS.DDF01".getBytes(StandardCharsets.US_ASCII)));
        if (ok(pse)) {
            Optional<byte[]> sfi = Tlv.find(body(pse), 0x88);
            if (sfi.isPresent() && sfi.get().length == 1) {
                List<byte[]> aids = new ArrayList<>();
                for (int record = 1; record <= 16; record++) {
                    byte[] response = transmit(readRecord(sfi.get()[0] & 0x1F, record));
                    if (!ok(response)) {
                        break;
                    }
                    aids.addAll(Tlv.findAll(body(response), 0x4F));
                }
                if (!aids.isEmpty()) {
                    return aids;
                }
            }
        }
        List<byte[]> fallback = new ArrayList<>();
        for (String aid : KNOWN_AIDS) {
            byte[] response = transmit(select(Hex.parse(aid)));
            if (ok(response)) {
                fallback.add(Hex.parse(aid));
                break;
            }
        }
        return fallback;
    }

    private Optional<String> panFromApplication(byte[] fci) throws CardAccessException {
        Optional<String> inFci = panIn(body(fci));
        if (inFci.isPresent()) {
            return inFci;
        }
        byte[] gpo = transmit(getProcessingOptions(Tlv.find(body(fci), 0x9F38).orElse(new byte[0])));
        if (!ok(gpo)) {
            throw new CardAccessException("GET PROCESSING OPTIONS answered " + sw(gpo));
        }
        byte[] gpoBody = body(gpo);
        Optional<String> inGpo = panIn(gpoBody);
        if (inGpo.isPresent()) {
            return inGpo;
        }
        byte[] afl = applicationFileLocator(gpoBody);
        for (int i = 0; i + 3 < afl.length; i += 4) {
            int sfi = (afl[i] & 0xFF) >> 3;
            for (int record = afl[i + 1] & 0xFF; record <= (afl[i + 2] & 0xFF); record++) {
                byte[] response = transmit(readRecord(sfi, record));
                if (!ok(response)) {
                    throw new CardAccessException("READ RECORD " + record + " of SFI " + sfi + " answered " + sw(response));
                }
                Optional<String> pan = panIn(body(response));
                if (pan.isPresent()) {
                    return pan;
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] applicationFileLocator(byte[] gpoBody) {
        if (gpoBody.length > 2 && (gpoBody[0] & 0xFF) == 0x80) {
            Optional<byte[]> format1 = Tlv.find(gpoBody, 0x80);
            if (format1.isPresent() && format1.get().length >= 2) {
                byte[] value = format1.get();
                return java.util.Arrays.copyOfRange(value, 2, value.length);
            }
        }
        return Tlv.find(gpoBody, 0x94).orElse(new byte[0]);
    }

    /** PAN from tag 5A (BCD, F-padded) or from track 2 equivalent data 57 (digits up to the separator D). */
    static Optional<String> panIn(byte[] data) {
        Optional<byte[]> pan = Tlv.find(data, 0x5A);
        if (pan.isPresent()) {
            return digits(pan.get(), 'F');
        }
        Optional<byte[]> track2 = Tlv.find(data, 0x57);
        return track2.flatMap(t -> digits(t, 'D'));
    }

    private static Optional<String> digits(byte[] bcd, char stop) {
        String hex = Hex.of(bcd);
        int end = hex.indexOf(stop);
        String digits = end >= 0 ? hex.substring(0, end) : hex;
        if (digits.length() < 12 || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }

    private byte[] transmit(byte[] command) throws CardAccessException {
        byte[] response = card.transmit(command);
        if (response.length < 2) {
            throw new CardAccessException("card gave a response without a status word");
        }
        return response;
    }

    private static byte[] select(byte[] name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, (byte) 0xA4, 0x04, 0x00, (byte) name.length});
        out.writeBytes(name);
        out.write(0x00);
        return out.toByteArray();
    }

    private static byte[] readRecord(int sfi, int record) {
        return new byte[] {0x00, (byte) 0xB2, (byte) record, (byte) ((sfi << 3) | 0x04), 0x00};
    }

    /** GPO with the PDOL filled with zeros of the requested lengths (enough for reading the number). */
    private static byte[] getProcessingOptions(byte[] pdol) {
        int dataLength = 0;
        for (int i = 0; i < pdol.length; ) {
            int first = pdol[i++] & 0xFF;
            if ((first & 0x1F) == 0x1F) {
                while (i < pdol.length && (pdol[i++] & 0x80) != 0) {
                    // multi-byte tag
                }
            }
            if (i < pdol.length) {
                dataLength += pdol[i++] & 0xFF;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, (byte) 0xA8, 0x00, 0x00, (byte) (dataLength + 2), (byte) 0x83,
            (byte) dataLength});
        out.writeBytes(new byte[dataLength]);
        out.write(0x00);
        return out.toByteArray();
    }

    static boolean ok(byte[] response) {
        return (response[response.length - 2] & 0xFF) == 0x90 && response[response.length - 1] == 0;
    }

    static String sw(byte[] response) {
        return String.format("%02X%02X", response[response.length - 2], response[response.length - 1]);
    }

    private static byte[] body(byte[] response) {
        return java.util.Arrays.copyOf(response, response.length - 2);
    }
}
