package org.tongpos.app.kitchen.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Quantities in thousandths of a unit: "1.5" kg is 1500; at most three decimals. */
public final class Quantities {

    private Quantities() {
    }

    /** Parses a decimal quantity; empty when it is not a number with at most three decimals. */
    public static java.util.OptionalLong parse(String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            return java.util.OptionalLong.of(value.movePointRight(3).setScale(0, RoundingMode.UNNECESSARY)
                    .longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return java.util.OptionalLong.empty();
        }
    }

    public static String format(long milli) {
        return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
    }
}
