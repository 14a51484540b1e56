package org.tongpos.app.money.domain;

/**
 * The terminal's one rounding policy: half-up to the fen (四舍五入), applied wherever an amount is derived by
 * division — weighed goods (price per kg × grams), percentage discounts. A proportional split (a discount spread over
 * the lines it came from) must also add up exactly, so each part is its exact share rounded down or up: the fen left
 * over after rounding every share down go to the largest remainders ({@link #split}).
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

    /**
     * Splits {@code total} (≥ 0) in proportion to {@code weights} (each ≥ 0, not all 0 when {@code total > 0}). The
     * parts add up to {@code total} exactly; each part is its exact share rounded down or up (largest remainder, ties
     * to the earlier weight), so no part exceeds its weight while {@code total} does not exceed their sum.
     */
    public static long[] split(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
        long sum = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + w);
            }
            sum = Math.addExact(sum, w);
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("cannot split " + total + " over weights that are all 0");
        }
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            long product = Math.multiplyExact(total, weights[i]);
            parts[i] = product / sum;
            remainders[i] = product % sum;
            given += parts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = 0;
        }
        return parts;
    }
}
