package org.tongpos.hardware.escpos;

/** Barcode symbologies we print with GS k (function B: m, length, data). */
public enum BarcodeType {
    EAN13(67),
    CODE128(73);

    private final int functionB;

    BarcodeType(int functionB) {
        this.functionB = functionB;
    }

    int functionB() {
        return functionB;
    }

    static BarcodeType fromFunction(int m) {
        return switch (m) {
            case 2, 67 -> EAN13;
            case 73 -> CODE128;
            default -> throw new IllegalArgumentException("unsupported barcode system " + m);
        };
    }
}
