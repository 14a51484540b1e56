package org.tongpos.hardware.escpos;

/** QR error correction level, GS ( k function 69 (48 = L … 51 = H). */
public enum QrErrorCorrection {
    L, M, Q, H;

    int code() {
        return 48 + ordinal();
    }

    static QrErrorCorrection fromCode(int n) {
        int index = n >= 48 ? n - 48 : n;
        if (index < 0 || index > 3) {
            throw new IllegalArgumentException("no QR error correction level " + n);
        }
        return values()[index];
    }
}
