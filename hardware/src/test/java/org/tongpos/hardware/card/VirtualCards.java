package org.tongpos.hardware.card;

import java.util.Arrays;
import org.tongpos.hardware.testsupport.VirtualCard;

/** The cards used by the PC/SC tests. */
final class VirtualCards {

    private VirtualCards() {
    }

    static final byte[] ATR = hexOf("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A");

    static byte[] hexOf(String hex) {
        return java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static boolean startsWith(byte[] apdu, String hexPrefix) {
        byte[] prefix = hexOf(hexPrefix);
        return apdu.length >= prefix.length && Arrays.equals(Arrays.copyOf(apdu, prefix.length), prefix);
    }

    /**
     * A PBOC debit card: PPSE lists AID A000000333010101; the application asks for a PDOL, GPO answers format 2 with an
     * AFL of SFI 1 record 1, and that record holds track 2 and the PAN.
     */
    static final class BankCard extends VirtualCard {
        static final String PAN = "6222021234567891234";

        @Override
        protected byte[] atr() {
            return hexOf("3B 6C 00 00 80 31 80 65 B0 87 27 01 BC 83 08 90 00");
        }

        @Override
        protected byte[] respond(byte[] apdu) {
            if (startsWith(apdu, "00 A4 04 00 0E 32 50 41 59 2E 53 59 53 2E 44 44 46 30 31")) {
                // FCI: 6F { 84 "2PAY.SYS.DDF01", A5 { BF0C { 61 { 4F AID, 87 01 } } } }
                return concat(hexOf("6F 24 84 0E 32 50 41 59 2E 53 59 53 2E 44 44 46 30 31 A5 12 BF 0C 0F 61 0D"
                        + " 4F 08 A0 00 00 03 33 01 01 01 87 01 01"), OK);
            }
            if (startsWith(apdu, "00 A4 04 00 08 A0 00 00 03 33 01 01 01")) {
                // FCI with PDOL 9F38 { 9F66 04, 9F02 06, 9F37 04, 5F2A 02 }
                return concat(hexOf("6F 1E 84 08 A0 00 00 03 33 01 01 01 A5 12 50 04 50 42 4F 43 9F 38 09"
                        + " 9F 66 04 9F 02 06 5F 2A 02"), OK);
            }
            if (startsWith(apdu, "80 A8 00 00")) {
                int pdolData = apdu[6] & 0xFF;
                if (pdolData != 12) {
                    return hexOf("67 00");
                }
                return concat(hexOf("77 0A 82 02 7C 00 94 04 08 01 01 00"), OK);
            }
            if (startsWith(apdu, "00 B2 01 0C")) {
                return concat(hexOf("70 20 57 12 62 22 02 12 34 56 78 91 23 4D 30 12 22 01 00 00 00 0F"
                        + " 5A 0A 62 22 02 12 34 56 78 91 23 4F"), OK);
            }
            return hexOf("6A 82");
        }
    }

    /** A broken card: every command fails with 6F 00 (no precise diagnosis). */
    static final class ErrorCard extends VirtualCard {
        @Override
        protected byte[] atr() {
            return ATR;
        }

        @Override
        protected byte[] respond(byte[] apdu) {
            return hexOf("6F 00");
        }
    }
}
