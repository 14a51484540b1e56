package org.tongpos.hardware.receipt;

/** Paper as the printer sees it: columns of single-width characters and dots across. */
public record PaperWidth(int columns, int dots) {

    public static final PaperWidth MM58 = new PaperWidth(32, 384);
    public static final PaperWidth MM80 = new PaperWidth(48, 576);
    /** 80 mm printers with a 42-column font (Font B or a wider default font). */
    public static final PaperWidth MM80_42 = new PaperWidth(42, 576);

    public PaperWidth {
        if (columns < 24 || dots < columns * 8) {
            throw new IllegalArgumentException("paper of " + columns + " columns / " + dots + " dots is not usable");
        }
    }

    /** 58 or 80 (mm), the usual configuration value. */
    /** The paper for a column count: 32 is 58 mm, 42 and 48 are 80 mm. */
    public static PaperWidth ofColumns(int columns) {
        return switch (columns) {
            case 32 -> MM58;
            case 42 -> MM80_42;
            case 48 -> MM80;
            default -> throw new IllegalArgumentException("receipts have 32, 42 or 48 columns, not " + columns);
        };
    }

    public static PaperWidth ofMillimetres(int millimetres) {
        return switch (millimetres) {
            case 58 -> MM58;
            case 80 -> MM80;
            default -> throw new IllegalArgumentException("paper width must be 58 or 80 mm, got " + millimetres);
        };
    }
}
