package org.tongpos.app.money.domain;

/**
 * The terminal's one rounding policy: half-up to the fen (四舍五入), applied wherever an amount is derived by
 * division — weighed goods (price per kg × grams), percentage discounts, proportional splits.
 */
public final class Rounding {

    private Rounding() {
    }

    /** {@code numerator / denominator} rounded half away from zero, for a positive denominator. */
    public static long divideHalfUp(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        long quotient = numerator / denominator;
        long remainder = numerator % denominator;
        if (Math.abs(remainder) * 2 >= denominator) {
            quotient += numerator < 0 ? -1 : 1;
        }
        return quotient;
    }

    /** Price of a weighed quantity: {@code pricePerKg × grams / 1000}, half-up to the fen. */
    public static Money weighedAmount(Money pricePerKg, long grams) {
        return Money.ofFen(divideHalfUp(Math.multiplyExact(pricePerKg.fen(), grams), 1000));
    }

    /** {@code amount × percent / 100}, half-up to the fen (e.g. a 12% discount). */
    public static Money percentOf(Money amount, long percent) {
        return Money.ofFen(divideHalfUp(Math.multiplyExact(amount.fen(), percent), 100));
    }
}
