package org.tongpos.hardware.escpos;

/** Horizontal justification, ESC a n. */
public enum Alignment {
    LEFT, CENTER, RIGHT;

    static Alignment fromCode(int n) {
        return switch (n) {
            case 0, '0' -> LEFT;
            case 1, '1' -> CENTER;
            case 2, '2' -> RIGHT;
            default -> throw new IllegalArgumentException("no alignment " + n);
        };
    }
}
