package org.tongpos.hardware.scanner;

/** What kind of code was read, from the AIM symbology identifier a scanner may put in front ({@code ]E0} …). */
public enum Symbology {
    EAN13_UPCA("]E0"),
    EAN8("]E4"),
    CODE128("]C0"),
    GS1_128("]C1"),
    QR("]Q1"),
    OTHER(""),
    UNKNOWN("");

    private final String aimIdentifier;

    Symbology(String aimIdentifier) {
        this.aimIdentifier = aimIdentifier;
    }

    public String aimIdentifier() {
        return aimIdentifier;
    }

    static Symbology fromAim(String identifier) {
        for (Symbology s : values()) {
            if (!s.aimIdentifier.isEmpty() && s.aimIdentifier.equals(identifier)) {
                return s;
            }
        }
        return OTHER;
    }
}
