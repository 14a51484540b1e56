package org.tongpos.hardware.card;

import java.util.Objects;

/**
 * A bank card number as it may leave the driver: first four and last four digits, the rest hidden whatever the
 * length ({@code 6222 **** **** 1234}). The full number is never stored in this object.
 */
public final class MaskedCardNumber {

    private final String masked;
    private final String lastFour;

    private MaskedCardNumber(String masked, String lastFour) {
        this.masked = masked;
        this.lastFour = lastFour;
    }

    /** Masks a card number; the full number is not kept. */
    public static MaskedCardNumber mask(String pan) {
        if (pan.length() < 12 || !pan.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a card number");
        }
        String lastFour = pan.substring(pan.length() - 4);
        return new MaskedCardNumber(pan.substring(0, 4) + " **** **** " + lastFour, lastFour);
    }

    public String lastFour() {
        return lastFour;
    }

    @Override
    public String toString() {
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskedCardNumber other && masked.equals(other.masked);
    }

    @Override
    public int hashCode() {
        return Objects.hash(masked);
    }
}
