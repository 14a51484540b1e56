package org.tongpos.hardware.testsupport;

import java.util.Arrays;

/** A contactless meal card: answers the PC/SC GET UID pseudo-APDU {@code FF CA 00 00}, nothing else. */
public final class UidCard extends VirtualCard {

    private static final byte[] ATR = hex("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A");
    private static final byte[] GET_UID = hex("FF CA 00 00");

    private final byte[] uid;

    public UidCard(String uidHex) {
        this.uid = hex(uidHex);
    }

    @Override
    protected byte[] atr() {
        return ATR;
    }

    @Override
    protected byte[] respond(byte[] apdu) {
        if (apdu.length >= GET_UID.length && Arrays.equals(Arrays.copyOf(apdu, GET_UID.length), GET_UID)) {
            return concat(uid, OK);
        }
        return hex("6D 00");
    }
}
